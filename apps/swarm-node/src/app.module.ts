import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Swarm } from '@local-swarm/swarm-core';
import { HealthController } from './health/health.controller';
import { ChatCompletionsController } from './openai/chat-completions.controller';
import { CompletionService } from './openai/completion.service';
import { CompletionsController } from './openai/completions.controller';
import { ModelsController } from './openai/models.controller';
import { ListenState, LOCAL_SWARM, NODE_SETTINGS, type NodeSettings } from './swarm/swarm.tokens';

export interface AppModuleOptions {
  /** The loaded swarm: loading happens before Nest starts so the banner can show progress. */
  readonly swarm: Swarm;
  readonly settings: NodeSettings;
}

/** Frees the model when Nest shuts down (SIGTERM/SIGINT through enableShutdownHooks). */
class SwarmLifecycle implements OnApplicationShutdown {
  constructor(@Inject(LOCAL_SWARM) private readonly swarm: Swarm) {}

  async onApplicationShutdown(): Promise<void> {
    await this.swarm.stop();
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      controllers: [ChatCompletionsController, CompletionsController, ModelsController, HealthController],
      providers: [
        { provide: LOCAL_SWARM, useValue: options.swarm },
        { provide: NODE_SETTINGS, useValue: options.settings },
        ListenState,
        CompletionService,
        SwarmLifecycle,
      ],
    };
  }
}
