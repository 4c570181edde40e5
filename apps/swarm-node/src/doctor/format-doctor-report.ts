import type { DoctorStatus } from '@local-swarm/net-binding';
import { doctorExitCode, type DoctorReport } from './doctor-report';

const LABEL: Readonly<Record<DoctorStatus, string>> = { ok: 'OK', warn: 'WARN', fail: 'FAIL' };
const INDENT = '      ';

/**
 * One line per check (`FAIL  multicast-route: ...`), its details indented under it, then its
 * hint (`      hint: ...`), and a last line counting each status.
 */
export function formatDoctorText(report: DoctorReport): string {
  const where = report.interfaceName === null ? 'no LAN interface' : `${report.address ?? '?'} on ${report.interfaceName}`;
  const lines = [`local-swarm doctor: ${where}`];
  for (const check of report.checks) {
    lines.push(`${LABEL[check.status].padEnd(4)}  ${check.id}: ${check.summary}`);
    for (const detail of check.details) lines.push(`${INDENT}- ${detail}`);
    if (check.hint !== null) lines.push(`${INDENT}hint: ${check.hint}`);
  }
  const count = (status: DoctorStatus): number => report.checks.filter((check) => check.status === status).length;
  lines.push(`${count('fail')} FAIL, ${count('warn')} WARN, ${count('ok')} OK`);
  return `${lines.join('\n')}\n`;
}

/** The report as JSON: `ok`, `exit_code`, `interface`, `address`, `interfaces`, `checks`. */
export function formatDoctorJson(report: DoctorReport): string {
  const exitCode = doctorExitCode(report);
  const json = {
    ok: exitCode === 0,
    exit_code: exitCode,
    interface: report.interfaceName,
    address: report.address,
    interfaces: report.interfaces.map((item) => ({
      name: item.name,
      up: item.up,
      running: item.running,
      addresses: item.addresses.map((a) => ({ address: a.address, family: a.family, class: a.addressClass })),
    })),
    checks: report.checks,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
