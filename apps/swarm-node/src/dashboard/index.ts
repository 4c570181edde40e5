export { DashboardModule, DEFAULT_PUBLIC_DIR, type DashboardModuleOptions } from './dashboard.module';
export { DashboardHub, type CandidateEvent, type DashboardState } from './dashboard-hub';
export { peerSourceOf, type DashboardPeerSource, type PeerChange } from './dashboard-peers';
export { formatSseEvent, type DashboardEventName } from './dashboard-sse';
export type { NodeFacts } from './node-facts';
export { RingBuffer, summarizeAnswer, type AnswerSummary } from './recent-answers';
