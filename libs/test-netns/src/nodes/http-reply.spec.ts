import { parseDriverLine } from './http-reply';

describe('parseDriverLine', () => {
  it('reads a reply with its status, headers, body and elapsed time', () => {
    const parsed = parseDriverLine(JSON.stringify({ id: 3, status: 200, headers: { 'content-type': 'application/json' }, text: '{"a":1}', elapsedMs: 12.5 }));
    expect(parsed).toMatchObject({ id: 3, ok: true, reply: { status: 200, headers: { 'content-type': 'application/json' }, text: '{"a":1}', elapsedMs: 12.5 } });
    expect(parsed?.ok === true ? parsed.reply.json<{ a: number }>().a : undefined).toBe(1);
  });
  it('reads a request that got no reply', () => {
    expect(parseDriverLine('{"id":4,"error":"fetch failed","elapsedMs":2}')).toEqual({ id: 4, ok: false, error: 'fetch failed', elapsedMs: 2 });
  });
  it('tolerates a driver without elapsedMs (NaN) and odd headers', () => {
    const parsed = parseDriverLine('{"id":1,"status":404,"headers":{"x":1},"text":""}');
    expect(parsed).toMatchObject({ id: 1, ok: true, reply: { status: 404, headers: {}, elapsedMs: Number.NaN } });
  });
  it.each(['', 'not json', 'null', '[]', '{"status":200}', '{"id":1}'])('ignores %j', (line) => {
    expect(parseDriverLine(line)).toBeNull();
  });
});
