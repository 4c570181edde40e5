import type { DoctorCheck } from '@local-swarm/net-binding';
import { assessService } from './assess-service';
import { checkSelfAnnouncement } from './check-self-announcement';
import { checkVisibleServices } from './firewall-hints';
import type { MdnsSurvey } from './mdns-survey';
import type { ServiceAssessmentContext } from './service-assessment-context';

/** The mDNS checks of a survey: own announcement, what is visible (or why not), then each service. */
export async function runMdnsChecks(
  survey: MdnsSurvey,
  where: { readonly interfaceName: string; readonly timeoutMs: number },
  context: ServiceAssessmentContext,
): Promise<DoctorCheck[]> {
  const services = await Promise.all(survey.services.map((service) => assessService(service, context)));
  return [
    checkSelfAnnouncement(survey, where.interfaceName, where.timeoutMs),
    checkVisibleServices(survey.services, where.interfaceName),
    ...services,
  ];
}
