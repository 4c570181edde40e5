/** How a request uses the federation: every node votes, or the least-loaded node answers alone. */
export const FEDERATION_MODES = ['vote', 'balance'] as const;
export type FederationMode = (typeof FEDERATION_MODES)[number];

/** True when `value` names a federation mode (for untrusted input such as a header). */
export function isFederationMode(value: unknown): value is FederationMode {
  return typeof value === 'string' && (FEDERATION_MODES as readonly string[]).includes(value);
}
