import { advertisingTimes, findLogTime, readLogEntries } from './node-log';

const OUTPUT = [
  '{"level":30,"time":1000,"msg":"loading model"}',
  'Local Swarm 0.1.0',
  '  listening  http://10.77.1.2:17616',
  '{"level":30,"time":2779,"name":"local-swarm vm 17616","ms":779,"msg":"advertising on mDNS"}',
  '{"level":30,"time":3000,"nodeId":"bench-a","to":"healthy","msg":"peer healthy"}',
  '{"level":40,"time":4000,"nodeId":"bench-b","to":"unhealthy","msg":"peer unhealthy"}',
  '{"level":30,"time":5000,"nodeId":"bench-b","to":"healthy","msg":"peer healthy"}',
  '{"level":30,"time":6000,"msg":"cut off mid-li',
].join('\n');

describe('readLogEntries', () => {
  it('keeps the JSON lines with a time and a message, and skips the banner and broken lines', () => {
    expect(readLogEntries(OUTPUT).map((entry) => entry.msg)).toEqual(['loading model', 'advertising on mDNS', 'peer healthy', 'peer unhealthy', 'peer healthy']);
  });
});

describe('findLogTime', () => {
  it('finds the first matching entry', () => {
    expect(findLogTime(OUTPUT, 'peer healthy')).toBe(3000);
  });
  it('matches fields and a lower time bound', () => {
    expect(findLogTime(OUTPUT, 'peer healthy', { match: { nodeId: 'bench-b' } })).toBe(5000);
    expect(findLogTime(OUTPUT, 'peer healthy', { after: 3001 })).toBe(5000);
    expect(findLogTime(OUTPUT, 'peer healthy', { after: 5001 })).toBeNull();
  });
  it('is null for a message never logged', () => {
    expect(findLogTime(OUTPUT, 'peer left')).toBeNull();
  });
});

describe('advertisingTimes', () => {
  it('is the announcement minus the probing time', () => {
    expect(advertisingTimes(OUTPUT)).toEqual({ startedAt: 2000, announcedAt: 2779 });
  });
  it('is null before the node advertised', () => {
    expect(advertisingTimes('{"time":1,"msg":"loading model"}')).toBeNull();
  });
});
