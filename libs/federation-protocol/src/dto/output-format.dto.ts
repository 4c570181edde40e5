import 'reflect-metadata';
import { IsBoolean, IsIn, IsString, Matches } from 'class-validator';
import { FEDERATION_LIMITS as L } from '../protocol/protocol-constants';
import { IsBoundedJsonObject } from './bounded-json-object';
import { RawJsonValue } from './raw-json-value';
import { FUNCTION_NAME } from './tool-choice';

/** Wire shape of a vote request's `format`. */
export interface OutputFormatWire {
  kind: 'json_schema';
  name: string;
  schema: Record<string, unknown>;
  strict: boolean;
}

export class OutputFormatDto implements OutputFormatWire {
  @IsIn(['json_schema'])
  kind!: 'json_schema';

  @Matches(FUNCTION_NAME)
  @IsString()
  name!: string;

  @IsBoundedJsonObject(L.schemaMaxBytes, L.schemaMaxDepth)
  @RawJsonValue()
  schema!: Record<string, unknown>;

  @IsBoolean()
  strict!: boolean;
}
