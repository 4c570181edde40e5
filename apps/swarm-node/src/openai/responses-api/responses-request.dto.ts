import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsInt, IsNumber, IsOptional, IsString, Max, Min } from 'class-validator';

/**
 * `POST /v1/responses` (OpenAI's names). Scalars are validated here; `input`, `tools`,
 * `tool_choice` and `text` are mapped field by field onto a chat request (to-chat-request.ts),
 * which names the offending item in its errors. Fields that need stored state or change the
 * output in ways this node cannot honour are refused by refuseUnsupportedFields.
 */
export class ResponsesRequestDto {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'object' } }], description: 'A text, or message and function call items.' })
  @IsDefined({ message: 'input is required' })
  input!: unknown;

  @ApiPropertyOptional({ description: 'Becomes the first (system) message.' })
  @IsOptional()
  @IsString()
  instructions?: string;

  @ApiPropertyOptional({ description: 'Ignored: this node serves its one model under any name.' })
  @IsOptional()
  @IsString()
  model?: string;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  max_output_tokens?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 2 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(2)
  temperature?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  top_p?: number;

  @ApiPropertyOptional({ description: 'Responses server-sent events; the winner streams once chosen.' })
  @IsOptional()
  @IsBoolean()
  stream?: boolean;

  @ApiPropertyOptional({ description: 'Function tools in the Responses API flat shape: {type: "function", name, description, parameters, strict}.' })
  @IsOptional()
  tools?: unknown;

  @ApiPropertyOptional({ description: 'none, auto, required, or {type: "function", name}.' })
  @IsOptional()
  tool_choice?: unknown;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  parallel_tool_calls?: boolean;

  @ApiPropertyOptional({ description: 'text.format: {type: "text"}, {type: "json_object"} or {type: "json_schema", name, schema, strict}.' })
  @IsOptional()
  text?: unknown;

  @ApiPropertyOptional({ description: 'Only false: this node keeps no conversation state.' })
  @IsOptional()
  @IsBoolean()
  store?: boolean;

  @ApiPropertyOptional({ description: 'Refused: this node keeps no conversation state; send the whole conversation as input.' })
  @IsOptional()
  previous_response_id?: unknown;

  @ApiPropertyOptional({ description: 'Consensus strategy for this request (also: x-swarm-strategy header); checked as /v1/chat/completions checks it.' })
  @IsOptional()
  strategy?: unknown;

  @ApiPropertyOptional({ description: 'Federation mode for this request (also: x-swarm-mode header); checked as /v1/chat/completions checks it.' })
  @IsOptional()
  mode?: unknown;

  @ApiPropertyOptional({ description: 'weighted_vote source weights, auto or configured (also: x-swarm-weights header); checked as /v1/chat/completions checks it.' })
  @IsOptional()
  weights?: unknown;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1,
    description: 'Abstain below this agreement: the message becomes a refusal saying why (also: x-swarm-min-agreement header).',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  min_agreement?: number;
}
