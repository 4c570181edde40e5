import { parsePeerTxt, type PeerTxtInput, type PeerTxtResult } from './parse-peer-txt';

const b = (text: string): Buffer => Buffer.from(text, 'utf8');
const base = ['node_id=n1', 'api_port=17615'];
const list = (...entries: (string | Buffer)[]): Buffer[] => entries.map((e) => (typeof e === 'string' ? b(e) : e));

function fields(result: PeerTxtResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`rejected: ${result.reason}`);
  return { ...result.fields };
}

describe('parsePeerTxt', () => {
  it('reads a complete record (multicast-dns form: key=value buffers)', () => {
    const result = parsePeerTxt(
      list('txtvers=1', 'version=0.1.0', 'node_id=abc', 'instances=4', 'model_id=qwen', 'hardware_summary=8 cores', 'api_port=17615', 'protocol=2'),
    );
    expect(result).toEqual({
      ok: true,
      fields: { nodeId: 'abc', apiPort: 17615, instances: 4, protocol: 2, version: '0.1.0', modelId: 'qwen', hardwareSummary: '8 cores', modelSha256: null, keyId: null },
    });
  });

  it('reads the key-value map form, strings or buffers', () => {
    expect(fields(parsePeerTxt({ node_id: 'n1', api_port: b('80'), instances: '3' }))).toMatchObject({ nodeId: 'n1', apiPort: 80, instances: 3 });
  });

  it('fills defaults for optional keys', () => {
    expect(fields(parsePeerTxt(list(...base)))).toEqual({
      nodeId: 'n1', apiPort: 17615, instances: 1, protocol: 0, version: '', modelId: '', hardwareSummary: '', modelSha256: null, keyId: null,
    });
  });

  it.each<[string, PeerTxtInput, string]>([
    ['no node_id', list('api_port=1'), 'missing node_id'],
    ['empty node_id', list('node_id=', 'api_port=1'), 'missing node_id'],
    ['blank node_id', list('node_id=  \u0001 ', 'api_port=1'), 'missing node_id'],
    ['node_id as a boolean attribute', list('node_id', 'api_port=1'), 'missing node_id'],
    ['no api_port', list('node_id=x'), 'missing api_port'],
    ['empty api_port', list('node_id=x', 'api_port='), 'missing api_port'],
    ['api_port 0', list('node_id=x', 'api_port=0'), 'api_port is not a port number (1-65535)'],
    ['api_port 65536', list('node_id=x', 'api_port=65536'), 'api_port is not a port number (1-65535)'],
    ['api_port negative', list('node_id=x', 'api_port=-80'), 'api_port is not a port number (1-65535)'],
    ['api_port not a number', list('node_id=x', 'api_port=http'), 'api_port is not a port number (1-65535)'],
    ['api_port fractional', list('node_id=x', 'api_port=80.5'), 'api_port is not a port number (1-65535)'],
    ['api_port hex', list('node_id=x', 'api_port=0x50'), 'api_port is not a port number (1-65535)'],
    ['empty record', [], 'missing node_id'],
    ['an empty map', {}, 'missing node_id'],
  ])('rejects %s', (_case, txt, reason) => {
    expect(parsePeerTxt(txt)).toEqual({ ok: false, reason });
  });

  it.each<[string, string | undefined, number]>([
    ['missing', undefined, 1],
    ['0', '0', 1],
    ['negative', '-5', 1],
    ['in range', '16', 16],
    ['the maximum', '1024', 1024],
    ['too many', '1025', 1024],
    ['absurd', '9999999999999', 1024],
    ['not a number', 'lots', 1],
    ['fractional', '2.5', 1],
    ['padded', ' 8 ', 8],
  ])('clamps instances %s', (_case, value, expected) => {
    const txt = value === undefined ? list(...base) : list(...base, `instances=${value}`);
    expect(fields(parsePeerTxt(txt))['instances']).toBe(expected);
  });

  it.each<[string, number]>([
    ['3', 3],
    ['0', 0],
    ['-1', 0],
    ['x', 0],
    ['99999999999', 2_147_483_647],
  ])('reads protocol %j as an integer', (value, expected) => {
    expect(fields(parsePeerTxt(list(...base, `protocol=${value}`)))['protocol']).toBe(expected);
  });

  it.each<[string, string | null]>([
    ['95341bff0acfa7d1', '95341bff0acfa7d1'],
    [' 95341BFF0ACFA7D1 ', '95341bff0acfa7d1'],
    ['95341bff0acfa7d', null],
    ['95341bff0acfa7d1a', null],
    ['95341bff0acfa7dz', null],
    ['', null],
  ])('keeps key_id %j only as 16 hex digits: %j', (value, expected) => {
    expect(fields(parsePeerTxt(list(...base, `key_id=${value}`)))['keyId']).toBe(expected);
  });

  it('caps strings at 256 characters and strips control characters', () => {
    const result = fields(parsePeerTxt(list(...base, `model_id=${'m'.repeat(1000)}`, 'version=1.0\u0000\n\u001b[31m', `hardware_summary=${'é'.repeat(300)}`)));
    expect(result['modelId']).toBe('m'.repeat(256));
    expect(result['version']).toBe('1.0[31m');
    expect(result['hardwareSummary']).toBe('é'.repeat(256));
  });

  it('keeps the first occurrence of a key, compares keys case-insensitively (RFC 6763 §6.4)', () => {
    expect(fields(parsePeerTxt(list('NODE_ID=first', 'node_id=second', 'Api_Port=81', 'api_port=82')))).toMatchObject({
      nodeId: 'first',
      apiPort: 81,
    });
  });

  it('keeps "=" inside values and ignores entries with an empty key', () => {
    expect(fields(parsePeerTxt(list('=node_id=evil', 'node_id=a=b', 'api_port=1')))).toMatchObject({ nodeId: 'a=b' });
  });

  it('survives binary junk and invalid UTF-8', () => {
    const result = parsePeerTxt([Buffer.from([0xff, 0xfe, 0x3d, 0x00]), b('node_id=\xff'), Buffer.from([0x6e, 0x6f, 0x64, 0x65, 0x5f, 0x69, 0x64, 0x3d, 0xc3]), b('api_port=5')]);
    expect(result.ok).toBe(true);
  });

  it('never throws on inputs of the wrong shape', () => {
    const odd = [null, 42, 'node_id=x', [null, 7, {}], { node_id: 5, api_port: {} }] as unknown as PeerTxtInput[];
    for (const input of odd) expect(() => parsePeerTxt(input)).not.toThrow();
  });
});

describe('parsePeerTxt model_sha256', () => {
  const base = { node_id: 'n1', api_port: '17615' };
  const digest = 'AB'.repeat(32);

  it('keeps a 64-hex digest, lower-cased', () => {
    const result = parsePeerTxt({ ...base, model_sha256: digest });
    expect(result.ok && result.fields.modelSha256).toBe(digest.toLowerCase());
  });

  it.each([['ab'.repeat(31)], ['ab'.repeat(33)], ['zz'.repeat(32)], [''], [`${'ab'.repeat(32)}\u0000`]])('ignores a malformed one (%p) and keeps the peer', (value) => {
    const result = parsePeerTxt({ ...base, model_sha256: value });
    expect(result).toMatchObject({ ok: true, fields: { nodeId: 'n1', modelSha256: null } });
  });
});
