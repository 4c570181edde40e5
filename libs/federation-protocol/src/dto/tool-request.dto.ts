import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { VoteToolChoice } from '../messages/vote-tool-request';
import { FEDERATION_LIMITS as L } from '../protocol/protocol-constants';
import { IsBoundedJsonObject } from './bounded-json-object';
import { RawJsonValue } from './raw-json-value';
import { FUNCTION_NAME, IsToolChoice } from './tool-choice';

export interface FunctionToolWire {
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
}

/** Wire shape of a vote request's `tools`. */
export interface ToolRequestWire {
  tools: FunctionToolWire[];
  choice: VoteToolChoice;
  parallel: boolean;
}

export class FunctionToolDto implements FunctionToolWire {
  @Matches(FUNCTION_NAME)
  @IsString()
  name!: string;

  @IsOptional()
  @MaxLength(L.toolDescriptionMaxLength)
  @IsString()
  description?: string;

  @IsOptional()
  @IsBoundedJsonObject(L.schemaMaxBytes, L.schemaMaxDepth)
  @RawJsonValue()
  parameters?: Record<string, unknown>;
}

export class ToolRequestDto implements ToolRequestWire {
  @ValidateNested({ each: true })
  @Type(() => FunctionToolDto)
  @IsObject({ each: true })
  @ArrayMaxSize(L.toolsMax)
  @ArrayMinSize(1)
  @IsArray()
  tools!: FunctionToolDto[];

  @IsToolChoice()
  @RawJsonValue()
  choice!: VoteToolChoice;

  @IsBoolean()
  parallel!: boolean;
}
