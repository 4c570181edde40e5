import 'reflect-metadata';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { FEDERATION_LIMITS as L } from '../protocol/protocol-constants';

/** Wire shape of one tool call a vote proposes (no id: the origin gives ids to the calls it returns). */
export interface ProposedToolCallWire {
  name: string;
  arguments: string;
}

export class ProposedToolCallDto implements ProposedToolCallWire {
  @MaxLength(L.toolNameMaxLength)
  @IsNotEmpty()
  @IsString()
  name!: string;

  @MaxLength(L.toolArgumentsMaxLength)
  @IsString()
  arguments!: string;
}
