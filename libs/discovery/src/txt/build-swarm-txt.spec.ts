import { DISCOVERY_PROTOCOL_VERSION } from '../constants';
import type { SwarmInfo } from '../peers/peer-info';
import { buildSwarmTxt, MAX_TXT_ENTRY_BYTES, truncateUtf8 } from './build-swarm-txt';
import { parsePeerTxt } from './parse-peer-txt';

const info: SwarmInfo = {
  name: 'local-swarm on box',
  nodeId: 'node-1',
  version: '0.1.0',
  instances: 3,
  modelId: 'qwen2.5-0.5b',
  hardwareSummary: '8 cores, 16 GB',
  apiPort: 17615,
  protocol: 2,
};

describe('buildSwarmTxt', () => {
  it('writes the documented keys', () => {
    expect(buildSwarmTxt(info)).toEqual({
      txtvers: String(DISCOVERY_PROTOCOL_VERSION),
      version: '0.1.0',
      node_id: 'node-1',
      instances: '3',
      model_id: 'qwen2.5-0.5b',
      hardware_summary: '8 cores, 16 GB',
      api_port: '17615',
      protocol: '2',
    });
  });

  it('round-trips through parsePeerTxt', () => {
    expect(parsePeerTxt(buildSwarmTxt(info))).toEqual({
      ok: true,
      fields: { nodeId: 'node-1', apiPort: 17615, instances: 3, protocol: 2, version: '0.1.0', modelId: 'qwen2.5-0.5b', hardwareSummary: '8 cores, 16 GB', modelSha256: null, keyId: null },
    });
  });

  it("advertises the model file's sha256 once known, and it round-trips", () => {
    const digest = 'cd'.repeat(32);
    const txt = buildSwarmTxt({ ...info, modelSha256: digest });
    expect(txt['model_sha256']).toBe(digest);
    const parsed = parsePeerTxt(txt);
    expect(parsed.ok && parsed.fields.modelSha256).toBe(digest);
    expect('model_sha256' in buildSwarmTxt(info)).toBe(false);
  });

  it('advertises the key id of a paired node, and it round-trips; an open node has none', () => {
    const txt = buildSwarmTxt({ ...info, keyId: '95341BFF0ACFA7D1' });
    expect(txt['key_id']).toBe('95341bff0acfa7d1');
    const parsed = parsePeerTxt(txt);
    expect(parsed.ok && parsed.fields.keyId).toBe('95341bff0acfa7d1');
    expect('key_id' in buildSwarmTxt(info)).toBe(false);
  });

  it('cuts each key=value entry to 255 bytes (RFC 6763 §6.1) without splitting characters', () => {
    const txt = buildSwarmTxt({ ...info, hardwareSummary: '€'.repeat(200) });
    const entry = `hardware_summary=${txt['hardware_summary'] ?? ''}`;
    expect(Buffer.byteLength(entry)).toBeLessThanOrEqual(MAX_TXT_ENTRY_BYTES);
    expect(txt['hardware_summary']).toMatch(/^€+$/);
  });
});

describe('truncateUtf8', () => {
  it.each([
    ['abc', 5, 'abc'],
    ['abcdef', 3, 'abc'],
    ['ééé', 5, 'éé'],
    ['😀x', 3, ''],
    ['', 0, ''],
  ])('truncateUtf8(%j, %d) = %j', (value, max, expected) => {
    expect(truncateUtf8(value, max)).toBe(expected);
  });
});
