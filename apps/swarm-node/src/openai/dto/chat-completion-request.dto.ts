import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, Min, ValidateNested } from 'class-validator';
import { SamplingFieldsDto } from './sampling-fields.dto';
import { IsMessageContent, type TextContentPart } from './validators';

/** Roles a chat message may have. "developer" is OpenAI's newer name for "system". */
export const CHAT_ROLES = ['system', 'developer', 'user', 'assistant'] as const;
export type ChatRoleName = (typeof CHAT_ROLES)[number];

/**
 * Most messages one chat request may hold: far more than a conversation that fits a local
 * model's context, and it keeps per-message validation and templating bounded.
 */
export const MAX_CHAT_MESSAGES = 256;

export class ChatMessageDto {
  @ApiProperty({ enum: CHAT_ROLES })
  @IsIn(CHAT_ROLES, { message: `role must be one of: ${CHAT_ROLES.join(', ')}` })
  role!: ChatRoleName;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'object' } }] })
  @IsMessageContent()
  content!: string | TextContentPart[];
}

export class StreamOptionsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  include_usage?: boolean;
}

export const RESPONSE_FORMAT_TYPES = ['text', 'json_object'] as const;

export class ResponseFormatDto {
  @ApiProperty({ enum: RESPONSE_FORMAT_TYPES })
  @IsIn(RESPONSE_FORMAT_TYPES, { message: `response_format.type must be one of: ${RESPONSE_FORMAT_TYPES.join(', ')}` })
  type!: (typeof RESPONSE_FORMAT_TYPES)[number];
}

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

  @ApiPropertyOptional({ type: StreamOptionsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => StreamOptionsDto)
  stream_options?: StreamOptionsDto;

  @ApiPropertyOptional({ type: ResponseFormatDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ResponseFormatDto)
  response_format?: ResponseFormatDto;
}
