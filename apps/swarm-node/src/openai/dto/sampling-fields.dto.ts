import { STRATEGY_NAMES, type StrategyName } from '@local-swarm/consensus';
import { FEDERATION_MODES, SOURCE_WEIGHTS_MODES, type FederationMode, type SourceWeightsMode } from '@local-swarm/federation';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { StreamOptionsDto } from './stream-options.dto';
import { IsLogitBias } from './logit-bias.validator';
import { IsStopSequences } from './validators';

/** Fields shared by /v1/chat/completions and /v1/completions (OpenAI's names, snake_case). */
export class SamplingFieldsDto {
  @ApiPropertyOptional({ description: 'Ignored: this node serves its one model under any name.' })
  @IsOptional()
  @IsString()
  model?: string;

  @ApiPropertyOptional({ description: 'Most tokens per candidate.', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  max_tokens?: number;

  @ApiPropertyOptional({ description: '0 is greedy (all candidates identical); default 0.7.', minimum: 0, maximum: 2 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(2)
  temperature?: number;

  @ApiPropertyOptional({ description: 'Nucleus sampling; default 0.95.', minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  top_p?: number;

  @ApiPropertyOptional({ description: 'Base seed; candidate i samples with seed + i.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2 ** 32 - 1)
  seed?: number;

  @ApiPropertyOptional({ description: 'Up to 4 stop sequences.', oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })
  @IsOptional()
  @IsStopSequences()
  stop?: string | string[];

  @ApiPropertyOptional({ description: "Lowers the odds of tokens already generated (OpenAI's formula).", minimum: -2, maximum: 2 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-2)
  @Max(2)
  presence_penalty?: number;

  @ApiPropertyOptional({ description: 'Lowers the odds of tokens by how often they were generated.', minimum: -2, maximum: 2 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-2)
  @Max(2)
  frequency_penalty?: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number' }, description: 'Token id -> bias (-100..100).' })
  @IsOptional()
  @IsLogitBias()
  logit_bias?: Record<string, number>;

  @ApiPropertyOptional({ description: 'How many of the ranked candidates to return (at most the number of instances).', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  n?: number;

  @ApiPropertyOptional({ description: 'Server-sent events; the winner streams once chosen.' })
  @IsOptional()
  @IsBoolean()
  stream?: boolean;

  @ApiPropertyOptional({ type: StreamOptionsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => StreamOptionsDto)
  stream_options?: StreamOptionsDto;

  @ApiPropertyOptional({ enum: STRATEGY_NAMES, description: 'Consensus strategy for this request (also: x-swarm-strategy header).' })
  @IsOptional()
  @IsIn(STRATEGY_NAMES)
  strategy?: StrategyName;

  @ApiPropertyOptional({
    enum: SOURCE_WEIGHTS_MODES,
    description: 'weighted_vote source weights: auto (learned from agreement) or configured (also: x-swarm-weights header); auto with another strategy is a 400.',
  })
  @IsOptional()
  @IsIn(SOURCE_WEIGHTS_MODES)
  weights?: SourceWeightsMode;

  @ApiPropertyOptional({ enum: FEDERATION_MODES, description: 'Federation mode for this request (also: x-swarm-mode header).' })
  @IsOptional()
  @IsIn(FEDERATION_MODES)
  mode?: FederationMode;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1,
    description: 'Abstain below this agreement: the answer becomes a refusal saying why (also: x-swarm-min-agreement header).',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  min_agreement?: number;
}
