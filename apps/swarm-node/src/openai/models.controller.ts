import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { LOCAL_SWARM, NODE_SETTINGS, type LocalSwarm, type NodeSettings } from '../core/core.tokens';
import { OpenAiHttpError } from '../http/openai-error';

interface ModelObject {
  readonly id: string;
  readonly object: 'model';
  readonly created: number;
  readonly owned_by: string;
}

@ApiTags('OpenAI-compatible')
@Controller('v1/models')
export class ModelsController {
  constructor(
    @Inject(LOCAL_SWARM) private readonly swarm: LocalSwarm,
    @Inject(NODE_SETTINGS) private readonly settings: NodeSettings,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The model this node serves' })
  list(): { object: 'list'; data: ModelObject[] } {
    return { object: 'list', data: [this.model()] };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One model by id' })
  get(@Param('id') id: string): ModelObject {
    const model = this.model();
    if (id !== model.id) {
      throw new OpenAiHttpError(404, 'not_found_error', `The model '${id}' does not exist on this node`, 'model', 'model_not_found');
    }
    return model;
  }

  private model(): ModelObject {
    return {
      id: this.swarm.info.modelId,
      object: 'model',
      created: Math.floor(this.settings.startedAt.getTime() / 1000),
      owned_by: 'local-swarm',
    };
  }
}
