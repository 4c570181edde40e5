import 'reflect-metadata';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import type { PeerSource, PeerStatus, PeerTrustWire } from '../messages/peer-status';
import { PEER_SOURCES, PEER_STATUSES, PEER_TRUSTS } from '../messages/peer-status';

const FINITE = { allowNaN: false, allowInfinity: false } as const;

/** Wire shape of one item of `GET /v1/federation/peers`. */
export interface PeerStatusWire {
  node_id: string;
  name: string;
  address: string;
  port: number;
  source: PeerSource;
  status: PeerStatus;
  /** ISO 8601 time the peer was last heard of (mDNS or health), null when never. */
  last_seen: string | null;
  rtt_ms: number | null;
  failures: number;
  model_id: string | null;
  instances: number | null;
  /** Why the peer is not healthy (its last error, or why it is quarantined and until when); null when healthy. */
  reason: string | null;
  /** How far the listing node trusts it; absent from a bare registry listing. */
  trust?: PeerTrustWire;
}

export class PeerStatusDto implements PeerStatusWire {
  @IsNotEmpty()
  @IsString()
  node_id!: string;

  @IsString()
  name!: string;

  @IsNotEmpty()
  @IsString()
  address!: string;

  @Max(65_535)
  @Min(1)
  @IsInt()
  port!: number;

  @IsIn(PEER_SOURCES)
  source!: PeerSource;

  @IsIn(PEER_STATUSES)
  status!: PeerStatus;

  @ValidateIf((peer: PeerStatusDto) => peer.last_seen !== null)
  @IsISO8601({ strict: true })
  last_seen!: string | null;

  @ValidateIf((peer: PeerStatusDto) => peer.rtt_ms !== null)
  @Min(0)
  @IsNumber(FINITE)
  rtt_ms!: number | null;

  @Min(0)
  @IsInt()
  failures!: number;

  @ValidateIf((peer: PeerStatusDto) => peer.model_id !== null)
  @IsString()
  model_id!: string | null;

  @ValidateIf((peer: PeerStatusDto) => peer.instances !== null)
  @Min(0)
  @IsInt()
  instances!: number | null;

  @ValidateIf((peer: PeerStatusDto) => peer.reason !== null)
  @IsString()
  reason!: string | null;

  @IsIn(PEER_TRUSTS)
  @IsOptional()
  trust?: PeerTrustWire;
}

/** Body of `POST /v1/federation/peers`: `host:port` or `openai+http://host:port/v1`. */
export class AddPeerDto {
  @MaxLength(2048)
  @IsNotEmpty()
  @IsString()
  address!: string;
}
