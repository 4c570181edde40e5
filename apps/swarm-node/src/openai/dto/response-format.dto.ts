import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { FUNCTION_NAME_PATTERN } from './message-tool-call.dto';

export const RESPONSE_FORMAT_TYPES = ['text', 'json_object', 'json_schema'] as const;

/** `response_format.json_schema`: the schema every answer must match. */
export class JsonSchemaFormatDto {
  @ApiProperty()
  @Matches(FUNCTION_NAME_PATTERN, { message: 'name must be 1 to 64 letters, digits, underscores or dashes' })
  @IsString()
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(4096)
  @IsString()
  description?: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject({ message: 'schema must be a JSON Schema object' })
  schema!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Answers always match the schema here (a grammar enforces it).' })
  @IsOptional()
  @IsBoolean()
  strict?: boolean | null;
}

export class ResponseFormatDto {
  @ApiProperty({ enum: RESPONSE_FORMAT_TYPES })
  @IsIn(RESPONSE_FORMAT_TYPES, { message: `response_format.type must be one of: ${RESPONSE_FORMAT_TYPES.join(', ')}` })
  type!: (typeof RESPONSE_FORMAT_TYPES)[number];

  @ApiPropertyOptional({ type: JsonSchemaFormatDto })
  @ValidateIf((format: ResponseFormatDto) => format.type === 'json_schema' || format.json_schema !== undefined)
  @ValidateNested()
  @IsObject({ message: 'json_schema must be an object with name and schema (required with type "json_schema")' })
  @Type(() => JsonSchemaFormatDto)
  json_schema?: JsonSchemaFormatDto;
}
