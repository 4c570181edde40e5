import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsNotEmpty, IsObject, IsString, Matches, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
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
  /** SHA-256 of the model file, 64 hex digits; left out while the node does not know it. */
  model_sha256?: string;
  instances: number;
  load: PeerLoadWire;
}

/** A SHA-256 digest as hex (either case on the wire; parsing lower-cases it). */
export const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

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

  // Absent is fine, null is not (IsOptional would let null through).
  @Matches(SHA256_HEX)
  @IsString()
  @ValidateIf((health: PeerHealthDto) => health.model_sha256 !== undefined)
  model_sha256?: string;

  @Min(0)
  @IsInt()
  instances!: number;

  @ValidateNested()
  @Type(() => PeerLoadDto)
  @IsObject()
  @IsDefined()
  load!: PeerLoadDto;
}
