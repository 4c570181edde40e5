import { findListeningUrl } from './listening-url';

describe('findListeningUrl', () => {
  it('reads the URL from the banner line among JSON log lines', () => {
    const output = [
      '{"level":30,"msg":"loading model"}',
      'Local Swarm 0.1.0',
      '  listening  http://127.0.0.1:43287  (requested host 127.0.0.1 (loopback): reachable from this machine only)',
      '  API        http://127.0.0.1:43287/v1  ·  docs http://127.0.0.1:43287/docs',
    ].join('\n');
    expect(findListeningUrl(output)).toBe('http://127.0.0.1:43287');
  });
  it('is null until the banner is printed', () => {
    expect(findListeningUrl('{"level":30,"msg":"model loading"}\n')).toBeNull();
  });
  it('ignores "listening" inside a log message', () => {
    expect(findListeningUrl('{"msg":"stopped listening http://10.0.0.1:1"}')).toBeNull();
  });
});
