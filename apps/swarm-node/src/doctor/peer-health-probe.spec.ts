import { peerHealthProbe } from './peer-health-probe';

describe('peerHealthProbe', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['8.8.8.8', 'public'],
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'cloud metadata'],
  ])('never calls %s (%s): the peers\' address policy', async (address, word) => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    const result = await peerHealthProbe(address, 17615, 100);
    expect(result).toMatchObject({ reachable: false, reason: expect.stringContaining(word) });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('GETs the federation health path without following redirects, and returns status and Date', async () => {
    const fetchSpy = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response('{}', { status: 200, headers: { date: 'Mon, 07 Dec 2026 10:00:00 GMT' } }));
    const result = await peerHealthProbe('10.0.0.7', 17615, 100);
    expect(result).toEqual({ reachable: true, status: 200, date: 'Mon, 07 Dec 2026 10:00:00 GMT' });
    expect(fetchSpy).toHaveBeenCalledWith('http://10.0.0.7:17615/v1/federation/health', expect.objectContaining({ redirect: 'manual' }));
  });

  it('says why a call failed: the socket error, or the timeout', async () => {
    jest.spyOn(globalThis, 'fetch').mockRejectedValueOnce(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 10.0.0.7:17615') }));
    expect(await peerHealthProbe('10.0.0.7', 17615, 100)).toEqual({ reachable: false, reason: 'connect ECONNREFUSED 10.0.0.7:17615' });
    jest.spyOn(globalThis, 'fetch').mockRejectedValueOnce(new DOMException('timed out', 'TimeoutError'));
    expect(await peerHealthProbe('10.0.0.7', 17615, 100)).toEqual({ reachable: false, reason: 'no answer within 100 ms' });
  });
});
