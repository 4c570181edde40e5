import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { SamplingFieldsDto } from './sampling-fields.dto';
import { IsSinglePrompt } from './validators';

/** OpenAI's bound on the legacy `logprobs` of /v1/completions. */
export const MAX_COMPLETION_LOGPROBS = 5;

export class CompletionRequestDto extends SamplingFieldsDto {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, maxItems: 1 }] })
  @IsSinglePrompt()
  prompt!: string | string[];

  @ApiPropertyOptional({ description: 'Log-probabilities of each token and this many alternatives.', minimum: 0, maximum: MAX_COMPLETION_LOGPROBS })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COMPLETION_LOGPROBS)
  logprobs?: number;

  @ApiPropertyOptional({ description: 'Return the prompt before the completion.' })
  @IsOptional()
  @IsBoolean()
  echo?: boolean;

  @ApiPropertyOptional({ description: 'Refused: fill-in-the-middle is not supported.' })
  @IsOptional()
  @IsString()
  suffix?: string;
}
