import { loadOrCreateNodeIdentity, swarmMembership, type SwarmMembership } from '@local-swarm/federation-protocol';
import { StartupError } from '../bootstrap/startup-error';
import type { FederationConfig } from '../config';
import { configDirOf } from './config-dir';
import { resolveSwarmKey, type SwarmKeyChoice } from './resolve-swarm-key';

/** How this node federates: its config dir, its swarm key's origin and its membership (null: open). */
export interface NodePairing {
  readonly configDir: string;
  readonly choice: SwarmKeyChoice;
  readonly membership: SwarmMembership | null;
}

type PairingSettings = Pick<FederationConfig, 'configDir' | 'open' | 'join' | 'replaceKey' | 'keyFile'>;

/**
 * Resolves the swarm key and, paired, loads (or creates) the node identity of the config dir. A
 * bad key file, join string or identity stops the start with a clear message (exit 2).
 */
export function resolveNodePairing(settings: PairingSettings, env: NodeJS.ProcessEnv = process.env): NodePairing {
  const configDir = configDirOf(settings.configDir, env);
  const choice = resolveSwarmKey(settings, configDir);
  if (!choice.ok) throw new StartupError(choice.message);
  if (choice.value.kind === 'open') return { configDir, choice: choice.value, membership: null };
  const identity = loadOrCreateNodeIdentity(configDir);
  if (!identity.ok) throw new StartupError(identity.message);
  return { configDir, choice: choice.value, membership: swarmMembership(choice.value.key, identity.value.identity) };
}

/** The banner's federation trust line. */
export function federationTrustLine(pairing: NodePairing): string {
  return pairing.membership === null ? 'open (ANY host on the LAN may vote)' : `paired (key id ${pairing.membership.keyId})`;
}

/**
 * Terminal-only lines (never logged: the join string holds the key) after this start created a
 * new swarm: how to add the other machines.
 */
export function newSwarmHint(pairing: NodePairing): string | null {
  if (pairing.choice.kind !== 'paired' || pairing.choice.source !== 'created') return null;
  return [
    `  NEW SWARM  key stored in ${pairing.choice.path}; to add another machine:`,
    '             1. on this machine:  local-swarm key show',
    '             2. on the other one: local-swarm --federation --join <the string it printed>',
  ].join('\n');
}

/** Loud warning of an open federation, for the banner. */
export const OPEN_FEDERATION_WARNING =
  'open federation (--federation-open): ANY host on the LAN can read the prompts and vote; pair your machines instead (drop --federation-open)';
