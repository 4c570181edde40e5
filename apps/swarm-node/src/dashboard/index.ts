export { DashboardModule, DEFAULT_PUBLIC_DIR, type DashboardModuleOptions } from './dashboard.module';
export { DashboardHub, type CandidateEvent, type DashboardState } from './dashboard-hub';
export { formatSseEvent, type DashboardEventName } from './dashboard-sse';
export type { NodeFacts } from './node-facts';
export { RingBuffer, summarizeAnswer, type AnswerSummary } from './recent-answers';
export { ServedVotes, summarizeServedVote, type ServedVoteSummary, type ServedVotesState } from './served-votes';
