import { MAX_TOOLS } from '@local-swarm/swarm-core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { ChatMessageDto } from './chat-message.dto';
import { ResponseFormatDto } from './response-format.dto';
import { SamplingFieldsDto } from './sampling-fields.dto';
import { FunctionDefinitionDto, ToolDefinitionDto } from './tool-definition.dto';
import { IsFunctionCall, IsToolChoice, type FunctionCallField, type ToolChoiceField } from './tool-choice.validators';

export { CHAT_ROLES, ChatMessageDto, type ChatRoleName } from './chat-message.dto';
export { RESPONSE_FORMAT_TYPES, ResponseFormatDto } from './response-format.dto';
export { StreamOptionsDto } from './stream-options.dto';

/**
 * Most messages one chat request may hold: far more than a conversation that fits a local
 * model's context, and it keeps per-message validation and templating bounded.
 */
export const MAX_CHAT_MESSAGES = 256;

/** OpenAI's bound on `top_logprobs`. */
export const MAX_TOP_LOGPROBS = 20;

export class ChatCompletionRequestDto extends SamplingFieldsDto {
  @ApiProperty({ type: [ChatMessageDto] })
  // class-validator reports the LAST decorator's failure first: keep IsArray last so a
  // non-array says "must be an array" rather than "must contain at least one message".
  @ValidateNested({ each: true })
  // ValidateNested accepts a nested array ([[]]) as a message; only objects are messages.
  @IsObject({ each: true, message: 'each message must be an object with a role and content' })
  @ArrayNotEmpty({ message: 'messages must contain at least one message' })
  @ArrayMaxSize(MAX_CHAT_MESSAGES, { message: `messages must contain at most ${MAX_CHAT_MESSAGES} messages` })
  @IsArray()
  @Type(() => ChatMessageDto)
  messages!: ChatMessageDto[];

  @ApiPropertyOptional({ description: "OpenAI's newer name for max_tokens.", minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  max_completion_tokens?: number;

  @ApiPropertyOptional({ type: ResponseFormatDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ResponseFormatDto)
  response_format?: ResponseFormatDto;

  @ApiPropertyOptional({ type: [ToolDefinitionDto], description: `Functions the model may call (at most ${MAX_TOOLS}).` })
  @IsOptional()
  @ValidateNested({ each: true })
  @IsObject({ each: true, message: 'each tool must be an object with type and function' })
  @ArrayMaxSize(MAX_TOOLS, { message: `tools must contain at most ${MAX_TOOLS} tools` })
  @IsArray()
  @Type(() => ToolDefinitionDto)
  tools?: ToolDefinitionDto[];

  @ApiPropertyOptional({ description: 'none, auto, required, or {"type": "function", "function": {"name"}}.' })
  @IsOptional()
  @IsToolChoice()
  tool_choice?: ToolChoiceField;

  @ApiPropertyOptional({ description: 'Whether one answer may hold several calls; default true.' })
  @IsOptional()
  @IsBoolean()
  parallel_tool_calls?: boolean;

  @ApiPropertyOptional({ type: [FunctionDefinitionDto], description: 'Legacy form of tools.' })
  @IsOptional()
  @ValidateNested({ each: true })
  @IsObject({ each: true, message: 'each function must be an object with a name' })
  @ArrayMaxSize(MAX_TOOLS, { message: `functions must contain at most ${MAX_TOOLS} functions` })
  @IsArray()
  @Type(() => FunctionDefinitionDto)
  functions?: FunctionDefinitionDto[];

  @ApiPropertyOptional({ description: 'Legacy form of tool_choice: none, auto, or {"name"}.' })
  @IsOptional()
  @IsFunctionCall()
  function_call?: FunctionCallField;

  @ApiPropertyOptional({ description: 'Return the log-probability of each answer token.' })
  @IsOptional()
  @IsBoolean()
  logprobs?: boolean;

  @ApiPropertyOptional({ description: 'Alternatives per token (needs logprobs: true).', minimum: 0, maximum: MAX_TOP_LOGPROBS })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_TOP_LOGPROBS)
  top_logprobs?: number;
}
