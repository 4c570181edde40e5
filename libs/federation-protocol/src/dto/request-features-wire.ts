import type { VoteOutputFormat } from '../messages/vote-output-format';
import type { VoteRequest } from '../messages/vote-request';
import type { VoteSamplingControls } from '../messages/vote-sampling-controls';
import type { VoteToolRequest } from '../messages/vote-tool-request';
import type { OutputFormatDto, OutputFormatWire } from './output-format.dto';
import type { SamplingControlsDto, SamplingControlsWire } from './sampling-controls.dto';
import type { ToolRequestDto, ToolRequestWire } from './tool-request.dto';

/** The request fields beyond prompt and basic sampling: output format, tools and sampling controls. */
export type RequestFeatures = Pick<VoteRequest, 'format' | 'tools' | 'controls'>;

interface FeaturesDto {
  readonly format?: OutputFormatDto | null;
  readonly tools?: ToolRequestDto | null;
  readonly controls?: SamplingControlsDto | null;
}

/** Validated wire features as the receiver uses them (camelCase; absent, null and empty left out). */
export function requestFeaturesFromWire(dto: FeaturesDto): RequestFeatures {
  const controls = dto.controls == null ? undefined : controlsFromWire(dto.controls);
  return {
    ...(dto.format != null && { format: formatFromWire(dto.format) }),
    ...(dto.tools != null && { tools: toolsFromWire(dto.tools) }),
    ...(controls !== undefined && Object.keys(controls).length > 0 && { controls }),
  };
}

/** The wire form of the features (snake_case, absent ones left out). */
export function requestFeaturesToWire(request: RequestFeatures): { format?: OutputFormatWire; tools?: ToolRequestWire; controls?: SamplingControlsWire } {
  const { format, tools, controls } = request;
  return {
    ...(format !== undefined && { format: { kind: format.kind, name: format.name, schema: { ...format.schema }, strict: format.strict } }),
    ...(tools !== undefined && {
      tools: {
        tools: tools.tools.map((tool) => ({
          name: tool.name,
          ...(tool.description !== undefined && { description: tool.description }),
          ...(tool.parameters !== undefined && { parameters: { ...tool.parameters } }),
        })),
        choice: typeof tools.choice === 'string' ? tools.choice : { name: tools.choice.name },
        parallel: tools.parallel,
      },
    }),
    ...(controls !== undefined && { controls: controlsToWire(controls) }),
  };
}

function formatFromWire(format: OutputFormatDto): VoteOutputFormat {
  return { kind: format.kind, name: format.name, schema: format.schema, strict: format.strict };
}

function toolsFromWire(tools: ToolRequestDto): VoteToolRequest {
  return {
    tools: tools.tools.map((tool) => ({
      name: tool.name,
      ...(tool.description != null && { description: tool.description }),
      ...(tool.parameters != null && { parameters: tool.parameters }),
    })),
    choice: tools.choice,
    parallel: tools.parallel,
  };
}

function controlsFromWire(controls: SamplingControlsDto): VoteSamplingControls {
  const bias = controls.logit_bias == null ? [] : Object.entries(controls.logit_bias);
  return {
    ...(controls.presence_penalty != null && { presencePenalty: controls.presence_penalty }),
    ...(controls.frequency_penalty != null && { frequencyPenalty: controls.frequency_penalty }),
    ...(bias.length > 0 && { logitBias: Object.fromEntries(bias.map(([token, value]) => [Number(token), value])) }),
    ...(controls.logprobs != null && { logprobs: { top: controls.logprobs.top } }),
  };
}

function controlsToWire(controls: VoteSamplingControls): SamplingControlsWire {
  return {
    ...(controls.presencePenalty !== undefined && { presence_penalty: controls.presencePenalty }),
    ...(controls.frequencyPenalty !== undefined && { frequency_penalty: controls.frequencyPenalty }),
    ...(controls.logitBias !== undefined && { logit_bias: Object.fromEntries(Object.entries(controls.logitBias)) }),
    ...(controls.logprobs !== undefined && { logprobs: { top: controls.logprobs.top } }),
  };
}
