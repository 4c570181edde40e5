import { requestIdFor } from './request-id';

const withHeader = (value: string | string[] | undefined): { headers: NodeJS.Dict<string | string[]> } => ({
  headers: value === undefined ? {} : { 'x-request-id': value },
});

describe('requestIdFor', () => {
  it('keeps a usable client id', () => {
    expect(requestIdFor(withHeader('req-42.a:b_c'))).toBe('req-42.a:b_c');
    expect(requestIdFor(withHeader(['first', 'second']))).toBe('first');
  });

  it.each([[undefined], [''], ['has space'], ['x'.repeat(129)], ['line\nbreak'], ['{"json":1}']])('replaces %p with a UUID', (value) => {
    expect(requestIdFor(withHeader(value))).toMatch(/^[0-9a-f-]{36}$/);
  });
});
