import { ApiProperty } from '@nestjs/swagger';
import { SamplingFieldsDto } from './sampling-fields.dto';
import { IsSinglePrompt } from './validators';

export class CompletionRequestDto extends SamplingFieldsDto {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, maxItems: 1 }] })
  @IsSinglePrompt()
  prompt!: string | string[];
}
