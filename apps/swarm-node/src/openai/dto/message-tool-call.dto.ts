import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

/** OpenAI's rule for function names: letters, digits, underscores and dashes, at most 64. */
export const FUNCTION_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const FUNCTION_NAME_RULE = 'must be 1 to 64 letters, digits, underscores or dashes';

/** Longest tool call id accepted in history: OpenAI's are 29 characters, other servers' a little longer. */
export const MAX_TOOL_CALL_ID_CHARS = 256;

/** A function and its arguments as an earlier assistant turn called it (legacy `function_call`, and inside `tool_calls`). */
export class CalledFunctionDto {
  @ApiProperty()
  @Matches(FUNCTION_NAME_PATTERN, { message: `name ${FUNCTION_NAME_RULE}` })
  @IsString()
  name!: string;

  @ApiProperty({ description: 'JSON text of the arguments object.' })
  @IsString()
  arguments!: string;
}

/** One entry of an assistant message's `tool_calls`. */
export class MessageToolCallDto {
  @ApiProperty()
  @MaxLength(MAX_TOOL_CALL_ID_CHARS)
  @IsString()
  id!: string;

  @ApiProperty({ enum: ['function'] })
  @IsIn(['function'], { message: 'type must be "function" (the only kind of tool call)' })
  type!: 'function';

  @ApiProperty({ type: CalledFunctionDto })
  @ValidateNested()
  @IsObject()
  @Type(() => CalledFunctionDto)
  function!: CalledFunctionDto;
}
