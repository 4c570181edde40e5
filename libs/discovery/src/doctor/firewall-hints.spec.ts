import { checkVisibleServices } from './firewall-hints';

describe('checkVisibleServices', () => {
  it('lists the common causes when nothing is visible', () => {
    const check = checkVisibleServices([], 'wlan0');
    expect(check.status).toBe('warn');
    const causes = check.details.join('\n');
    for (const cause of ['UDP 5353', 'client isolation', 'WSL2', '--network host', 'VPN']) expect(causes).toContain(cause);
  });

  it('passes and gives no causes when something is visible', () => {
    const seen = { instanceName: 'B', port: 1, host: 'b.local', addresses: [], txt: null, sourceAddress: '10.0.0.2' };
    expect(checkVisibleServices([seen], 'wlan0')).toMatchObject({ status: 'ok', details: [] });
  });
});
