import { doctorCheck, type DoctorCheck } from '@local-swarm/net-binding';
import type { MdnsSurvey } from './mdns-survey';

const ID = 'self-announcement';

/** Whether this machine heard its own probe announcement: if not, peers cannot hear it either. */
export function checkSelfAnnouncement(survey: MdnsSurvey, interfaceName: string, timeoutMs: number): DoctorCheck {
  if (survey.browseError !== null) {
    return doctorCheck(ID, 'fail', `could not listen for mDNS on ${interfaceName}: ${survey.browseError}`, {
      hint: 'another program may hold UDP 5353 exclusively; run as a user allowed to bind it, or stop that program',
    });
  }
  if (survey.advertiseError !== null) {
    return doctorCheck(ID, 'fail', `could not announce the probe service on ${interfaceName}: ${survey.advertiseError}`, {
      hint: 'check that the interface is up and has multicast enabled (ip link show shows MULTICAST)',
    });
  }
  if (survey.probeSeen) return doctorCheck(ID, 'ok', `own mDNS announcement heard back on ${interfaceName}`);
  return doctorCheck(ID, 'fail', `own mDNS announcement not heard back on ${interfaceName} within ${timeoutMs} ms`, {
    hint: 'multicast does not loop back on this interface: check the multicast route above, and that no firewall drops UDP 5353',
  });
}
