import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsObject, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { FEDERATION_LIMITS as L } from '../protocol/protocol-constants';

const FINITE = { allowNaN: false, allowInfinity: false } as const;
/** A character takes at most 4 bytes of UTF-8. */
const TOKEN_BYTES_MAX = 4 * L.tokenTextMaxLength;

export interface TopLogprobWire {
  token: string;
  logprob: number;
  bytes: number[];
}

/** Wire shape of one token of a vote's `logprobs`. */
export interface TokenLogprobWire extends TopLogprobWire {
  top: TopLogprobWire[];
}

export class TopLogprobDto implements TopLogprobWire {
  @MaxLength(L.tokenTextMaxLength)
  @IsString()
  token!: string;

  /** A log-probability, so never above 0. */
  @Max(0)
  @IsNumber(FINITE)
  logprob!: number;

  @Max(255, { each: true })
  @Min(0, { each: true })
  @IsInt({ each: true })
  @ArrayMaxSize(TOKEN_BYTES_MAX)
  @IsArray()
  bytes!: number[];
}

export class TokenLogprobDto extends TopLogprobDto implements TokenLogprobWire {
  @ValidateNested({ each: true })
  @Type(() => TopLogprobDto)
  @IsObject({ each: true })
  @ArrayMaxSize(L.topLogprobsMax)
  @IsArray()
  top!: TopLogprobDto[];
}
