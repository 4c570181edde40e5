/** What changed in the peer list, as a live log (the dashboard's) shows it. */
export interface PeerChange {
  readonly kind: 'added' | 'changed' | 'removed' | 'rekeyed' | 'refresh';
  readonly node_id: string | null;
  readonly name: string | null;
  /** For `changed`: the status transition and why. */
  readonly from?: string;
  readonly to?: string;
  readonly reason?: string;
}
