import { Module } from '@nestjs/common';
import { ChatCompletionsController } from './chat-completions.controller';
import { CompletionService } from './completion.service';
import { CompletionsController } from './completions.controller';
import { EmbeddingsController } from './embeddings/embeddings.controller';
import { ResponsesController } from './responses-api/responses.controller';
import { ModelsController } from './models.controller';

/**
 * The OpenAI-compatible API: /v1/chat/completions, /v1/completions, /v1/models, /v1/embeddings and /v1/responses. The swarm,
 * settings and events come from CoreModule, the node's FederatedSwarm from PeersModule.
 */
@Module({
  controllers: [ChatCompletionsController, CompletionsController, ModelsController, EmbeddingsController, ResponsesController],
  providers: [CompletionService],
})
export class OpenAiModule {}
