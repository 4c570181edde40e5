/** How a request uses the federation: every node votes, or the least-loaded node answers alone. */
export const FEDERATION_MODES = ['vote', 'balance'] as const;
export type FederationMode = (typeof FEDERATION_MODES)[number];
