import { parseKiBFields, parseProcMemory } from './proc-memory';

// Trimmed from a real node with one instance (SmolLM2-135M, context 512).
const STATUS = ['Name:\tnode', 'VmPeak:\t 1234567 kB', 'VmHWM:\t  320000 kB', 'VmRSS:\t  316936 kB', 'RssAnon:\t  160760 kB', 'RssFile:\t  156176 kB', 'Threads:\t12'].join('\n');
const ROLLUP = [
  '00400000-7ffe0f033000 ---p 00000000 00:00 0                              [rollup]',
  'Rss:              316936 kB',
  'Pss:              314286 kB',
  'Pss_Anon:         160760 kB',
  'Pss_File:         153526 kB',
  'Shared_Clean:       4112 kB',
  'Private_Clean:    152064 kB',
  'Private_Dirty:    160760 kB',
  'Anonymous:        160760 kB',
  'AnonHugePages:         0 kB',
].join('\n');

describe('parseKiBFields', () => {
  it('reads "Name: value kB" lines and skips the rest', () => {
    const fields = parseKiBFields(STATUS);
    expect(fields.get('VmRSS')).toBe(316936);
    expect(fields.get('RssFile')).toBe(156176);
    expect(fields.has('Threads')).toBe(false);
    expect(fields.has('Name')).toBe(false);
  });
});

describe('parseProcMemory', () => {
  it('splits resident memory into anonymous and file-backed', () => {
    expect(parseProcMemory(STATUS, ROLLUP)).toEqual({
      vmRssKiB: 316936,
      vmHwmKiB: 320000,
      rssKiB: 316936,
      anonymousKiB: 160760,
      fileBackedKiB: 156176,
      pssKiB: 314286,
    });
  });
  it('names the missing line', () => {
    expect(() => parseProcMemory(STATUS, 'Rss: 1 kB')).toThrow(/smaps_rollup has no Anonymous line/);
  });
});
