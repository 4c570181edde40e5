import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { VoteFinishReason } from '../messages/vote-response';
import { FEDERATION_LIMITS as L } from '../protocol/protocol-constants';
import { MaxUtf8Bytes } from './max-utf8-bytes';
import { ProposedToolCallDto, type ProposedToolCallWire } from './proposed-tool-call.dto';
import { TokenLogprobDto, type TokenLogprobWire } from './token-logprob.dto';

const FINITE = { allowNaN: false, allowInfinity: false } as const;

export interface PeerVoteWire {
  text: string;
  score: number | null;
  finish_reason: VoteFinishReason;
  completion_tokens: number;
  latency_ms: number;
  node_id: string;
  model_id: string;
  sequence: number;
  tool_calls?: ProposedToolCallWire[];
  logprobs?: TokenLogprobWire[];
}

export interface VoteUsageWire {
  prompt_tokens: number;
  completion_tokens: number;
}

/** Wire shape of the reply to `POST /v1/federation/vote`. */
export interface VoteResponseWire {
  protocol: number;
  node_id: string;
  model_id: string;
  votes: PeerVoteWire[];
  usage: VoteUsageWire;
}

export class PeerVoteDto implements PeerVoteWire {
  @MaxUtf8Bytes(L.voteTextMaxBytes)
  @IsString()
  text!: string;

  /** Required, but may be null (not measured). A log-probability, so never above 0. */
  @ValidateIf((vote: PeerVoteDto) => vote.score !== null)
  @Max(0)
  @IsNumber(FINITE)
  score!: number | null;

  @IsIn(['stop', 'length', 'cancelled', 'error'])
  finish_reason!: VoteFinishReason;

  @Min(0)
  @IsInt()
  completion_tokens!: number;

  @Min(0)
  @IsNumber(FINITE)
  latency_ms!: number;

  @MaxLength(L.idMaxLength)
  @IsNotEmpty()
  @IsString()
  node_id!: string;

  @MaxLength(L.idMaxLength)
  @IsNotEmpty()
  @IsString()
  model_id!: string;

  @Min(0)
  @IsInt()
  sequence!: number;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ProposedToolCallDto)
  @IsObject({ each: true })
  @ArrayMaxSize(L.toolCallsMax)
  @IsArray()
  tool_calls?: ProposedToolCallDto[];

  /** One entry per generated token: never more than max_tokens allows (the origin checks its own request's). */
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => TokenLogprobDto)
  @IsObject({ each: true })
  @ArrayMaxSize(L.maxTokensMax)
  @IsArray()
  logprobs?: TokenLogprobDto[];
}

export class VoteUsageDto implements VoteUsageWire {
  @Min(0)
  @IsInt()
  prompt_tokens!: number;

  @Min(0)
  @IsInt()
  completion_tokens!: number;
}

export class VoteResponseDto implements VoteResponseWire {
  @Min(1)
  @IsInt()
  protocol!: number;

  @MaxLength(L.idMaxLength)
  @IsNotEmpty()
  @IsString()
  node_id!: string;

  @MaxLength(L.idMaxLength)
  @IsNotEmpty()
  @IsString()
  model_id!: string;

  @ValidateNested({ each: true })
  @Type(() => PeerVoteDto)
  @ArrayMaxSize(L.candidatesMax)
  @IsArray()
  votes!: PeerVoteDto[];

  @ValidateNested()
  @Type(() => VoteUsageDto)
  @IsObject()
  @IsDefined()
  usage!: VoteUsageDto;
}
