import { checkSelfAnnouncement } from './check-self-announcement';
import type { MdnsSurvey } from './mdns-survey';

const quiet: MdnsSurvey = { probeSeen: false, advertiseError: null, browseError: null, services: [] };

describe('checkSelfAnnouncement', () => {
  it('passes when the probe came back', () => {
    expect(checkSelfAnnouncement({ ...quiet, probeSeen: true }, 'eth0', 3000).status).toBe('ok');
  });

  it('fails when it did not, with the timeout and what to look at', () => {
    const check = checkSelfAnnouncement(quiet, 'eth0', 3000);
    expect(check.summary).toBe('own mDNS announcement not heard back on eth0 within 3000 ms');
    expect(check.status).toBe('fail');
    expect(check.hint).toContain('UDP 5353');
  });

  it('fails with the socket or announcement error', () => {
    expect(checkSelfAnnouncement({ ...quiet, browseError: 'bind EACCES' }, 'eth0', 3000).summary).toContain('bind EACCES');
    expect(checkSelfAnnouncement({ ...quiet, advertiseError: 'no multicast' }, 'eth0', 3000).summary).toContain('no multicast');
  });
});
