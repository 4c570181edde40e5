import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { FUNCTION_NAME_PATTERN, FUNCTION_NAME_RULE } from './message-tool-call.dto';

/** Longest function description: it is written into the prompt of every candidate. */
export const MAX_FUNCTION_DESCRIPTION_CHARS = 4096;

/** A function the model may call (inside `tools`, or a legacy `functions` entry). */
export class FunctionDefinitionDto {
  @ApiProperty()
  @Matches(FUNCTION_NAME_PATTERN, { message: `name ${FUNCTION_NAME_RULE}` })
  @IsString()
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(MAX_FUNCTION_DESCRIPTION_CHARS)
  @IsString()
  description?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'JSON Schema of the arguments object.' })
  @IsOptional()
  @IsObject({ message: 'parameters must be a JSON Schema object' })
  parameters?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Arguments always match `parameters` here (a grammar enforces them).' })
  @IsOptional()
  @IsIn([true, false, null])
  strict?: boolean | null;
}

/** One entry of `tools`: only functions exist. */
export class ToolDefinitionDto {
  @ApiProperty({ enum: ['function'] })
  @IsIn(['function'], { message: 'type must be "function": this node offers function tools only' })
  type!: 'function';

  @ApiProperty({ type: FunctionDefinitionDto })
  @ValidateNested()
  @IsObject()
  @Type(() => FunctionDefinitionDto)
  function!: FunctionDefinitionDto;
}
