import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
  ValidateNested,
} from 'class-validator';
import { FEDERATION_LIMITS as L } from '../protocol/protocol-constants';
import type { VoteChatRole } from '../messages/vote-request';
import { OutputFormatDto, type OutputFormatWire } from './output-format.dto';
import { ProposedToolCallDto } from './proposed-tool-call.dto';
import { SamplingControlsDto, type SamplingControlsWire } from './sampling-controls.dto';
import { ToolRequestDto, type ToolRequestWire } from './tool-request.dto';

const FINITE = { allowNaN: false, allowInfinity: false } as const;

/** Wire shape of one tool call of an assistant turn. */
export interface ToolCallWire {
  id: string;
  name: string;
  arguments: string;
}

/** Wire shape of one chat message. */
export interface ChatMessageWire {
  role: VoteChatRole;
  content: string;
  tool_calls?: ToolCallWire[];
  tool_call_id?: string;
}

export type PromptWire = { kind: 'chat'; messages: ChatMessageWire[] } | { kind: 'text'; text: string };

/** Wire shape of `POST /v1/federation/vote` (snake_case, as on the wire). */
export interface VoteRequestWire {
  protocol: number;
  request_id: string;
  origin_node_id: string;
  hops: number;
  deadline_ms: number;
  prompt: PromptWire;
  max_tokens: number;
  temperature?: number;
  top_p?: number;
  seed?: number;
  stop?: string[];
  json?: boolean;
  format?: OutputFormatWire;
  tools?: ToolRequestWire;
  controls?: SamplingControlsWire;
  candidates?: number;
}

/** A call of an earlier assistant turn: a proposed call with the id its result answers. */
export class ToolCallDto extends ProposedToolCallDto implements ToolCallWire {
  @MaxLength(L.toolNameMaxLength)
  @IsNotEmpty()
  @IsString()
  id!: string;
}

export class ChatMessageDto implements ChatMessageWire {
  @IsIn(['system', 'user', 'assistant', 'tool'])
  role!: VoteChatRole;

  @IsString()
  content!: string;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ToolCallDto)
  @IsObject({ each: true })
  @ArrayMaxSize(L.toolCallsMax)
  @IsArray()
  tool_calls?: ToolCallDto[];

  @IsOptional()
  @MaxLength(L.toolNameMaxLength)
  @IsNotEmpty()
  @IsString()
  tool_call_id?: string;
}

/** Base of the prompt union: what a prompt with an unknown `kind` becomes, so `kind` fails validation. */
export class PromptDto {
  @IsIn(['chat', 'text'])
  kind!: string;
}

export class ChatPromptDto extends PromptDto {
  @IsIn(['chat'])
  override kind = 'chat' as const;

  @ValidateNested({ each: true })
  @Type(() => ChatMessageDto)
  @ArrayMaxSize(L.chatMessagesMax)
  @ArrayMinSize(L.chatMessagesMin)
  @IsArray()
  messages!: ChatMessageDto[];
}

export class TextPromptDto extends PromptDto {
  @IsIn(['text'])
  override kind = 'text' as const;

  @IsString()
  text!: string;
}

export class VoteRequestDto implements VoteRequestWire {
  @Min(1)
  @IsInt()
  protocol!: number;

  @MaxLength(L.requestIdMaxLength)
  @IsNotEmpty()
  @IsString()
  request_id!: string;

  @MaxLength(L.idMaxLength)
  @IsNotEmpty()
  @IsString()
  origin_node_id!: string;

  /** The hop limit itself (MAX_VOTE_HOPS) is checked by parseVoteRequest, with its own code. */
  @Min(0)
  @IsInt()
  hops!: number;

  @Max(L.deadlineMsMax)
  @Min(1)
  @IsInt()
  deadline_ms!: number;

  @ValidateNested()
  @Type(() => PromptDto, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'kind',
      subTypes: [
        { value: ChatPromptDto, name: 'chat' },
        { value: TextPromptDto, name: 'text' },
      ],
    },
  })
  @IsObject()
  @IsDefined()
  prompt!: ChatPromptDto | TextPromptDto;

  @Max(L.maxTokensMax)
  @Min(1)
  @IsInt()
  max_tokens!: number;

  @IsOptional()
  @Max(L.temperatureMax)
  @Min(0)
  @IsNumber(FINITE)
  temperature?: number;

  @IsOptional()
  @Max(1)
  @Min(0)
  @IsNumber(FINITE)
  top_p?: number;

  @IsOptional()
  @Max(L.seedMax)
  @Min(0)
  @IsInt()
  seed?: number;

  /** An empty stop string would end every generation at once, so each must be non-empty. */
  @IsOptional()
  @IsNotEmpty({ each: true })
  @IsString({ each: true })
  @ArrayMaxSize(L.stopMax)
  @IsArray()
  stop?: string[];

  @IsOptional()
  @IsBoolean()
  json?: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => OutputFormatDto)
  @IsObject()
  format?: OutputFormatDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ToolRequestDto)
  @IsObject()
  tools?: ToolRequestDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => SamplingControlsDto)
  @IsObject()
  controls?: SamplingControlsDto;

  @IsOptional()
  @Max(L.candidatesMax)
  @Min(1)
  @IsInt()
  candidates?: number;
}
