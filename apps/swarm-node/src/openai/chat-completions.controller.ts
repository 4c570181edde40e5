import { Body, Controller, Headers, Inject, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { LOCAL_SWARM, type LocalSwarm } from '../swarm/swarm.tokens';
import { CompletionService } from './completion.service';
import { ChatCompletionRequestDto } from './dto/chat-completion-request.dto';
import { abortOnClientDisconnect } from './request-abort';
import { buildChatCompletion } from './responses/completion-responses';
import { streamChatCompletion } from './streaming/stream-completion';

@ApiTags('OpenAI-compatible')
@Controller('v1')
export class ChatCompletionsController {
  constructor(
    private readonly completions: CompletionService,
    @Inject(LOCAL_SWARM) private readonly swarm: LocalSwarm,
  ) {}

  @Post('chat/completions')
  @ApiOperation({ summary: 'Chat completion chosen by consensus among the swarm’s candidates' })
  @ApiHeader({ name: 'x-swarm-strategy', required: false, description: 'Consensus strategy for this request' })
  @ApiHeader({ name: 'x-swarm-mode', required: false, description: 'Federation mode for this request: vote or balance' })
  async create(
    @Body() body: ChatCompletionRequestDto,
    @Headers('x-swarm-strategy') strategyHeader: string | undefined,
    @Headers('x-swarm-mode') modeHeader: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const prepared = this.completions.prepareChat(body, { strategy: strategyHeader, mode: modeHeader });
    const signal = abortOnClientDisconnect(reply);
    const run = await this.completions.run(prepared, signal);
    if (signal.aborted) return; // the client left: nobody to answer, instances already freed
    const completed = {
      run,
      model: this.swarm.info.modelId,
      choices: prepared.choices,
      trivialAgreement: prepared.generation.temperature === 0,
    };
    if (prepared.stream) {
      streamChatCompletion(reply, completed, prepared.includeUsage);
      return;
    }
    await reply.status(200).send(buildChatCompletion(completed));
  }
}
