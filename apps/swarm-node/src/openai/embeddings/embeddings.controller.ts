import type { EmbeddingOutcome } from '@local-swarm/swarm-core';
import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LOCAL_SWARM, type LocalSwarm } from '../../core/core.tokens';
import { OpenAiHttpError, openAiErrorFromSwarmFailure } from '../../http/openai-error';
import { abortOnClientDisconnect } from '../../http/request-abort';
import { embeddingInputs } from './embedding-inputs';
import { EmbeddingRequestDto } from './embedding-request.dto';
import { buildEmbeddingResponse, type EmbeddingResponse } from './embedding-response';

@ApiTags('OpenAI-compatible')
@Controller('v1')
export class EmbeddingsController {
  constructor(@Inject(LOCAL_SWARM) private readonly swarm: LocalSwarm) {}

  @Post('embeddings')
  @HttpCode(200)
  @ApiOperation({ summary: 'Embeddings of texts, at unit length (cosine similarity is their dot product)' })
  async create(@Body() body: EmbeddingRequestDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<EmbeddingResponse> {
    const embeddings = this.swarm.embeddings;
    if (embeddings === null) {
      throw OpenAiHttpError.invalidRequest("this node's model cannot compute embeddings; start the node with --embedding-model", 'model', 'embeddings_unavailable');
    }
    const inputs = embeddingInputs(body.input);
    if (body.dimensions !== undefined && body.dimensions !== embeddings.dimensions) {
      throw OpenAiHttpError.invalidRequest(
        `dimensions must be ${embeddings.dimensions}, the embedding model's own size (this node does not shorten vectors), got ${body.dimensions}`,
        'dimensions',
        'unsupported_dimensions',
      );
    }
    const outcome = await embeddings.embed(inputs, { signal: abortOnClientDisconnect(reply), clientKey: request.ip });
    if (!outcome.ok) throw embeddingError(outcome);
    return buildEmbeddingResponse(outcome.vectors, body.encoding_format ?? 'float', embeddings.modelId ?? this.swarm.info.modelId, outcome.promptTokens);
  }
}

function embeddingError(outcome: Exclude<EmbeddingOutcome, { ok: true }>): OpenAiHttpError {
  if ('failure' in outcome) return openAiErrorFromSwarmFailure(outcome.failure);
  const { reason, message, input } = outcome.refusal;
  const code = reason === 'input_too_long' ? 'context_length_exceeded' : reason;
  return OpenAiHttpError.invalidRequest(message, input === null ? 'input' : `input[${input}]`, code);
}
