import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Min } from 'class-validator';

export const ENCODING_FORMATS = ['float', 'base64'] as const;
export type EncodingFormat = (typeof ENCODING_FORMATS)[number];

/** `POST /v1/embeddings` (OpenAI's names, snake_case); `input` is checked item by item by embeddingInputs. */
export class EmbeddingRequestDto {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description: 'A text or up to 256 texts.' })
  @IsDefined({ message: 'input is required' })
  input!: unknown;

  @ApiPropertyOptional({ description: 'Ignored: this node serves its one embedding model under any name.' })
  @IsOptional()
  @IsString()
  model?: string;

  @ApiPropertyOptional({ enum: ENCODING_FORMATS, description: 'float (default) or base64 (little-endian float32).' })
  @IsOptional()
  @IsIn(ENCODING_FORMATS, { message: `encoding_format must be one of: ${ENCODING_FORMATS.join(', ')}` })
  encoding_format?: EncodingFormat;

  @ApiPropertyOptional({ description: "Only the model's own size is accepted: this node does not shorten vectors.", minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  dimensions?: number;

  @ApiPropertyOptional({ description: 'Accepted and ignored.' })
  @IsOptional()
  @IsString()
  user?: string;
}
