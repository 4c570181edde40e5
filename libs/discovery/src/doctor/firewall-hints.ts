import { doctorCheck, type DoctorCheck } from '@local-swarm/net-binding';
import type { SeenService } from './seen-service';

/** The usual reasons two machines on one LAN do not hear each other over mDNS, with what to try. */
export const MDNS_BLOCKERS: readonly string[] = [
  'UDP 5353 blocked by a firewall: allow it (ufw allow 5353/udp; firewall-cmd --add-service=mdns)',
  'Wi-Fi client isolation (guest networks, some routers): turn it off or use a cable',
  'WSL2 NAT: the Linux VM is behind NAT; use mirrored networking (networkingMode=mirrored in .wslconfig)',
  'a container without host networking: run it with --network host',
  'a VPN interface holds the default route: choose the LAN address with --host, or split-tunnel the LAN',
  'the other machine is on another subnet or VLAN: mDNS does not cross routers; add it by address (--peer)',
];

/** Which services this machine sees; when none, the common causes and what to try. */
export function checkVisibleServices(services: readonly SeenService[], interfaceName: string): DoctorCheck {
  if (services.length > 0) {
    return doctorCheck('visible-services', 'ok', `${services.length} other Local Swarm service(s) seen on ${interfaceName}`);
  }
  return doctorCheck('visible-services', 'warn', `no other Local Swarm node seen on ${interfaceName}`, {
    hint: 'run `local-swarm doctor` on the other machine too; if neither sees the other, look at the causes below',
    details: MDNS_BLOCKERS,
  });
}
