import type { DoctorCheck, InterfaceReport } from '@local-swarm/net-binding';

/** What `local-swarm doctor` found. */
export interface DoctorReport {
  /** Interface and address the node would bind (and mDNS would use); null when there is none. */
  readonly interfaceName: string | null;
  readonly address: string | null;
  readonly interfaces: readonly InterfaceReport[];
  readonly checks: readonly DoctorCheck[];
}

/** 1 when any check failed, else 0. */
export function doctorExitCode(report: DoctorReport): number {
  return report.checks.some((check) => check.status === 'fail') ? 1 : 0;
}
