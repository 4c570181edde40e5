export { netnsAvailable, netnsUnavailableReason, systemNetnsProbe, type NetnsProbe } from './availability/netns-available';
export { TestNetnsError, TestNetnsErrorCode } from './errors/test-netns-error';
export { createLan, type HostRef, type Lan, type RunOptions, type RunResult } from './lan/create-lan';
export type { CreateLanOptions, LanHost, LanPlan } from './plan/lan-plan';
export { MAX_HOSTS, MAX_IFACE_NAME_LENGTH, planLan, type PlanEnvironment } from './plan/plan-lan';
