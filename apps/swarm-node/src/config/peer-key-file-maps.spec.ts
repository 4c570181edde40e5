import { peerKeyFileMaps } from './collection-kinds';

describe('federation.openaiPeerKeyFiles (config file only)', () => {
  it('takes a mapping of peer addresses to key file paths', () => {
    expect(peerKeyFileMaps.fromFile({ 'openai+http://10.0.0.5:11434/v1': '/keys/ollama' })).toEqual({ 'openai+http://10.0.0.5:11434/v1': '/keys/ollama' });
    expect(peerKeyFileMaps.fromFile({})).toEqual({});
    expect(peerKeyFileMaps.fromCli('x')).toBeUndefined();
  });

  it('refuses anything else, naming the bad entry', () => {
    expect(peerKeyFileMaps.fromFile(['a'])).toBeUndefined();
    expect(peerKeyFileMaps.fromFile({ 'openai+http://h:1/v1': 42 })).toBeUndefined();
    expect(peerKeyFileMaps.fromFile({ 'has space': '/k' })).toBeUndefined();
    expect(peerKeyFileMaps.describeBadFileValue({ 'has space': '/k' })).toBe('the address "has space"');
    expect(peerKeyFileMaps.describeBadFileValue({ 'openai+http://h:1/v1': '' })).toBe('the string "" for "openai+http://h:1/v1"');
  });
});
