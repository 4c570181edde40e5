import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class StreamOptionsDto {
  @ApiPropertyOptional({ description: 'Send one last chunk with empty choices and the usage.' })
  @IsOptional()
  @IsBoolean()
  include_usage?: boolean;
}
