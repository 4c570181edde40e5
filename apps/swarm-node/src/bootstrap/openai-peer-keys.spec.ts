import { StartupError } from './startup-error';
import { readOpenAiPeerKeys } from './openai-peer-keys';

const KEY = 'sk-test-0123456789abcdef0123456789abcdef';
const files: Record<string, { mode: number; text: string }> = {
  '/keys/ok': { mode: 0o100600, text: `${KEY}\n` },
  '/keys/shared': { mode: 0o100644, text: `${KEY}\n` },
};
const io = {
  mode: (path: string): number => files[path]?.mode ?? Number.NaN,
  readText: (path: string): string => files[path]?.text ?? '',
};

describe('readOpenAiPeerKeys', () => {
  it('maps each OpenAI-compatible peer to its key, by the base URL its client uses', () => {
    const keys = readOpenAiPeerKeys({ 'OpenAI+HTTP://GPU-Box:11434/v1/': '/keys/ok' }, io);
    expect([...keys]).toEqual([['http://gpu-box:11434/v1', KEY]]);
  });

  it('keys an https server apart from the http server on the same host: a key goes to its own scheme and port only', () => {
    files['/keys/other'] = { mode: 0o100600, text: 'sk-other-key-0123456789abcdefghijklmnopq\n' };
    const keys = readOpenAiPeerKeys({ 'openai+https://gpu-box/v1': '/keys/ok', 'openai+http://gpu-box/v1': '/keys/other' }, io);
    expect(keys.get('https://gpu-box:443/v1')).toBe(KEY);
    expect(keys.get('http://gpu-box:80/v1')).toBe('sk-other-key-0123456789abcdefghijklmnopq');
    expect(readOpenAiPeerKeys({ 'openai+https://gpu-box/v1': '/keys/ok' }, io).get('http://gpu-box:80/v1')).toBeUndefined();
  });

  it('stops the start for a Local Swarm address or a key file others may read, never quoting the key', () => {
    expect(() => readOpenAiPeerKeys({ '10.0.0.5:17615': '/keys/ok' }, io)).toThrow(StartupError);
    expect(() => readOpenAiPeerKeys({ '10.0.0.5:17615': '/keys/ok' }, io)).toThrow(/not an OpenAI-compatible peer/);
    const shared = (): unknown => readOpenAiPeerKeys({ 'openai+http://10.0.0.5:8080/v1': '/keys/shared' }, io);
    expect(shared).toThrow(/\/keys\/shared has mode 0644: group and others must not have access/);
    expect(shared).not.toThrow(new RegExp(KEY));
  });
});
