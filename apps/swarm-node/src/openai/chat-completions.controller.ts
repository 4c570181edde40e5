import { Body, Controller, Headers, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LOCAL_SWARM, type LocalSwarm } from '../core/core.tokens';
import { CompletionService } from './completion.service';
import { ChatCompletionRequestDto } from './dto/chat-completion-request.dto';
import { respondWithConsensus } from './respond-with-consensus';

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
  @ApiHeader({ name: 'x-swarm-min-agreement', required: false, description: 'Abstain below this agreement (0 to 1)' })
  @ApiHeader({ name: 'x-swarm-weights', required: false, description: 'weighted_vote source weights: auto (learned) or configured' })
  async create(
    @Body() body: ChatCompletionRequestDto,
    @Headers('x-swarm-strategy') strategyHeader: string | undefined,
    @Headers('x-swarm-mode') modeHeader: string | undefined,
    @Headers('x-swarm-min-agreement') minAgreementHeader: string | undefined,
    @Headers('x-swarm-weights') weightsHeader: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const prepared = this.completions.prepareChat(body, { strategy: strategyHeader, mode: modeHeader, minAgreement: minAgreementHeader, weights: weightsHeader, requestId: request.id, clientKey: request.ip });
    await respondWithConsensus(this.completions, this.swarm.info.modelId, prepared, 'chat', reply);
  }
}
