import { peerKeyFileMaps } from './collection-kinds';

const CONFIG_PATH = '/etc/local-swarm/config.yaml';

describe('federation.openaiPeerKeyFiles (config file only)', () => {
  it('takes a mapping of peer addresses, http or https, to key file paths', () => {
    const keyFiles = { 'openai+http://10.0.0.5:11434/v1': '/keys/ollama', 'openai+https://gpu-box.lan/v1': '/keys/vllm' };
    expect(peerKeyFileMaps.fromFile(keyFiles, CONFIG_PATH)).toEqual(keyFiles);
    expect(peerKeyFileMaps.fromFile({}, CONFIG_PATH)).toEqual({});
    expect(peerKeyFileMaps.fromCli('x')).toBeUndefined();
  });

  it('refuses anything else, naming the bad entry', () => {
    expect(peerKeyFileMaps.fromFile(['a'], CONFIG_PATH)).toBeUndefined();
    expect(peerKeyFileMaps.fromFile({ 'openai+http://h:1/v1': 42 }, CONFIG_PATH)).toBeUndefined();
    expect(peerKeyFileMaps.fromFile({ 'has space': '/k' }, CONFIG_PATH)).toBeUndefined();
    expect(peerKeyFileMaps.describeBadFileValue?.({ 'has space': '/k' })).toBe('the address "has space"');
    expect(peerKeyFileMaps.describeBadFileValue?.({ 'openai+http://h:1/v1': '' })).toBe('the string "" for "openai+http://h:1/v1"');
  });
});
