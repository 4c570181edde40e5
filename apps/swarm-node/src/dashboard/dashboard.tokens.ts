/** Injection token of the dashboard's resolved options. */
export const DASHBOARD_OPTIONS = Symbol('DASHBOARD_OPTIONS');

export interface DashboardOptions {
  /** Finished requests kept for the page. */
  readonly recentAnswers: number;
  /** How often the `node` event goes out to open streams, ms. */
  readonly nodeIntervalMs: number;
  /** How often an open stream gets a heartbeat comment, ms. */
  readonly heartbeatMs: number;
  /** Folder holding index.html and assets/. */
  readonly publicDir: string;
}
