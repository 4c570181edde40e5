import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsNotEmpty, IsObject, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { FEDERATION_LIMITS as L } from '../protocol/protocol-constants';

export interface PeerLoadWire {
  busy_instances: number;
  capacity: number;
  queued_requests: number;
  max_queue: number;
}

/** Wire shape of `GET /v1/federation/health`. */
export interface PeerHealthWire {
  node_id: string;
  version: string;
  protocol: number;
  model_id: string;
  instances: number;
  load: PeerLoadWire;
}

export class PeerLoadDto implements PeerLoadWire {
  @Min(0)
  @IsInt()
  busy_instances!: number;

  @Min(0)
  @IsInt()
  capacity!: number;

  @Min(0)
  @IsInt()
  queued_requests!: number;

  @Min(0)
  @IsInt()
  max_queue!: number;
}

export class PeerHealthDto implements PeerHealthWire {
  @MaxLength(L.idMaxLength)
  @IsNotEmpty()
  @IsString()
  node_id!: string;

  @MaxLength(L.idMaxLength)
  @IsNotEmpty()
  @IsString()
  version!: string;

  @Min(1)
  @IsInt()
  protocol!: number;

  @MaxLength(L.idMaxLength)
  @IsNotEmpty()
  @IsString()
  model_id!: string;

  @Min(0)
  @IsInt()
  instances!: number;

  @ValidateNested()
  @Type(() => PeerLoadDto)
  @IsObject()
  @IsDefined()
  load!: PeerLoadDto;
}
