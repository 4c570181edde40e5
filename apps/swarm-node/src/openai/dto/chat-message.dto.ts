import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { CalledFunctionDto, MAX_TOOL_CALL_ID_CHARS, MessageToolCallDto } from './message-tool-call.dto';
import { IsMessageContent, type TextContentPart } from './validators';

/**
 * Roles a chat message may have. "developer" is OpenAI's newer name for "system"; "tool" answers
 * a tool call; "function" is the legacy answer to a `function_call`.
 */
export const CHAT_ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'] as const;
export type ChatRoleName = (typeof CHAT_ROLES)[number];

/** Most calls one assistant turn of the history may hold. */
export const MAX_CALLS_PER_MESSAGE = 128;

export class ChatMessageDto {
  @ApiProperty({ enum: CHAT_ROLES })
  @IsIn(CHAT_ROLES, { message: `role must be one of: ${CHAT_ROLES.join(', ')}` })
  role!: ChatRoleName;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'object' } }], nullable: true })
  // An assistant turn that only called tools has no text (OpenAI sends `content: null`).
  @ValidateIf((message: ChatMessageDto) => !(message.role === 'assistant' && message.content == null && callsIn(message)))
  @IsMessageContent()
  content?: string | TextContentPart[] | null;

  @ApiPropertyOptional({ type: [MessageToolCallDto], description: 'assistant: the tool calls this turn made.' })
  @IsOptional()
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @ArrayMaxSize(MAX_CALLS_PER_MESSAGE)
  @IsArray()
  @Type(() => MessageToolCallDto)
  tool_calls?: MessageToolCallDto[];

  @ApiPropertyOptional({ description: 'tool: the id of the call this message answers.' })
  @ValidateIf((message: ChatMessageDto) => message.role === 'tool' || message.tool_call_id !== undefined)
  @MaxLength(MAX_TOOL_CALL_ID_CHARS)
  @IsString({ message: 'tool_call_id must be a string (the id of the call a tool message answers)' })
  tool_call_id?: string;

  @ApiPropertyOptional({ description: 'function (legacy): the function whose result this is; others: a speaker name.' })
  @ValidateIf((message: ChatMessageDto) => message.role === 'function' || message.name !== undefined)
  @IsString({ message: 'name must be a string (a function message names its function)' })
  name?: string;

  @ApiPropertyOptional({ type: CalledFunctionDto, description: 'assistant (legacy): the function this turn called.' })
  @IsOptional()
  @ValidateNested()
  @IsObject()
  @Type(() => CalledFunctionDto)
  function_call?: CalledFunctionDto;
}

function callsIn(message: ChatMessageDto): boolean {
  return (Array.isArray(message.tool_calls) && message.tool_calls.length > 0) || message.function_call !== undefined;
}
