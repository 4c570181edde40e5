import 'reflect-metadata';
import { useSurfaceTestApp } from '../testing/surface-test-app';

const CHAT = JSON.stringify({ messages: [{ role: 'user', content: 'What is 2 + 3?' }] });

describe('JSON bodies only (415)', () => {
  const app = useSurfaceTestApp();

  it.each([
    ['text/plain (a form or fetch any page may send without a preflight)', 'text/plain', CHAT],
    ['a urlencoded form', 'application/x-www-form-urlencoded', 'messages=hi'],
    ['multipart', 'multipart/form-data; boundary=x', '--x--'],
    ['a look-alike', 'application/jsonp', CHAT],
    ['a JSON suffix type', 'application/vnd.api+json', CHAT],
  ])('refuses POST with %s', async (_label, contentType, payload) => {
    const response = await app().fastify.inject({ method: 'POST', url: '/v1/chat/completions', headers: { 'content-type': contentType }, payload });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({
      error: {
        message: `Send the request body as JSON with Content-Type: application/json; got ${JSON.stringify(contentType)}.`,
        type: 'invalid_request_error',
        param: null,
        code: 'unsupported_media_type',
      },
    });
    expect(app().swarm.requests).toHaveLength(0);
  });

  it.each([['POST', '/v1/chat/completions'], ['POST', '/v1/federation/peers'], ['PUT', '/v1/chat/completions'], ['PATCH', '/v1/chat/completions']] as const)(
    'refuses %s %s without any Content-Type, even without a body',
    async (method, url) => {
      const response = await app().fastify.inject({ method, url });
      expect(response.statusCode).toBe(415);
      expect(response.json()).toMatchObject({ error: { code: 'unsupported_media_type', message: expect.stringContaining('got no Content-Type') } });
    },
  );

  it('refuses a DELETE that carries a non-JSON body, and serves one without a body', async () => {
    const withBody = await app().fastify.inject({ method: 'DELETE', url: '/v1/federation/peers/x', headers: { 'content-type': 'text/plain' }, payload: 'x' });
    expect(withBody.statusCode).toBe(415);
    const withoutBody = await app().fastify.inject({ method: 'DELETE', url: '/v1/federation/peers/x' });
    expect(withoutBody.statusCode).not.toBe(415);
  });

  it.each([['application/json'], ['application/json; charset=utf-8'], ['Application/JSON;charset=UTF-8']])('serves POST with %s', async (contentType) => {
    const response = await app().fastify.inject({ method: 'POST', url: '/v1/chat/completions', headers: { 'content-type': contentType }, payload: CHAT });
    expect(response.statusCode).toBe(200);
    expect(app().swarm.requests).toHaveLength(1);
  });
});
