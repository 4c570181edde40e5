import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { FEDERATION_LIMITS as L } from '../protocol/protocol-constants';
import { IsLogitBias } from './logit-bias';
import { RawJsonValue } from './raw-json-value';

const FINITE = { allowNaN: false, allowInfinity: false } as const;

/** Wire shape of a vote request's `controls`. */
export interface SamplingControlsWire {
  presence_penalty?: number;
  frequency_penalty?: number;
  /** Token id (as a JSON key) -> bias. */
  logit_bias?: Record<string, number>;
  logprobs?: { top: number };
}

export class LogprobsRequestDto {
  @Max(L.topLogprobsMax)
  @Min(0)
  @IsInt()
  top!: number;
}

export class SamplingControlsDto implements SamplingControlsWire {
  @IsOptional()
  @Max(L.penaltyMax)
  @Min(-L.penaltyMax)
  @IsNumber(FINITE)
  presence_penalty?: number;

  @IsOptional()
  @Max(L.penaltyMax)
  @Min(-L.penaltyMax)
  @IsNumber(FINITE)
  frequency_penalty?: number;

  @IsOptional()
  @IsLogitBias()
  @RawJsonValue()
  logit_bias?: Record<string, number>;

  @IsOptional()
  @ValidateNested()
  @Type(() => LogprobsRequestDto)
  @IsObject()
  logprobs?: LogprobsRequestDto;
}
