/**
 * The peer sources with the request features: a logit bias keeps peers of another (or an unknown)
 * model file out of the vote, and the tool calls and logprobs of a reply become the candidates'.
 */
import { FederationClient, OpenAiPeerClient } from '@local-swarm/federation-protocol';
import type { GenerationRequest, SourceOutcome } from '@local-swarm/swarm-core';
import { peerVoteWire, voteResponseWire } from '../testing/peer-fixtures';
import { recordingCall, recordingObserver } from '../testing/source-call-fixtures';
import { sendJson, startTestHttpServer, type TestHttpServer } from '../testing/test-http-server';
import { OpenAiPeerSource } from './openai-peer-source';
import { PeerCandidateSource } from './peer-candidate-source';

const PEER = 'peer-a';
const SHA = 'a'.repeat(64);
const TOKEN = { token: 'a', logprob: -0.5, bytes: [97], top: [] };
const REQUEST: GenerationRequest = {
  prompt: { kind: 'chat', messages: [{ role: 'user', content: 'Weather in Paris?' }] },
  maxTokens: 16,
  candidates: 3,
  tools: { tools: [{ name: 'get_weather' }], choice: 'auto', parallel: true },
  controls: { logprobs: { top: 0 } },
};
const BIASED: GenerationRequest = { ...REQUEST, controls: { logitBias: { 42: -100 } } };

const servers: TestHttpServer[] = [];
let requests = 0;

async function server(reply: unknown): Promise<TestHttpServer> {
  const started = await startTestHttpServer((_request, response) => {
    requests += 1;
    sendJson(response, 200, reply);
  });
  servers.push(started);
  return started;
}

afterEach(async () => {
  requests = 0;
  await Promise.all(servers.splice(0).map((started) => started.close()));
});

function peerSource(url: string, peerSha: string | null, localSha: string | null, observer = recordingObserver()): PeerCandidateSource {
  const client = new FederationClient({ baseUrl: url, allowLoopback: true });
  return new PeerCandidateSource(PEER, client, 'node-origin', 5000, observer, () => ({ instances: 3, modelSha256: peerSha }), () => localSha);
}

function candidatesOf(outcome: SourceOutcome): NonNullable<Extract<SourceOutcome, { ok: true }>['candidates']> {
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome.candidates;
}

describe('PeerCandidateSource with request features', () => {
  it('maps tool calls and logprobs onto the candidates, dropping a vote that calls a tool not offered', async () => {
    const votes = [
      peerVoteWire(PEER, 0, '', { tool_calls: [{ name: 'get_weather', arguments: '{"city":"Paris"}' }], logprobs: [TOKEN] }),
      peerVoteWire(PEER, 1, '', { tool_calls: [{ name: 'rm_rf', arguments: '{}' }] }),
    ];
    const peer = await server(voteResponseWire(PEER, votes));
    const observer = recordingObserver();
    const candidates = candidatesOf(await peerSource(peer.url, SHA, SHA, observer).generate(REQUEST, recordingCall(5)));
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({ toolCalls: [{ name: 'get_weather', arguments: '{"city":"Paris"}' }], logprobs: [TOKEN] });
    expect(observer.violations).toEqual([{ nodeId: PEER, violation: expect.stringContaining("'rm_rf'") }]);
    expect(observer.failures).toEqual([]);
  });

  it('sends a logit bias to a peer with the same model file', async () => {
    const peer = await server(voteResponseWire(PEER));
    expect(candidatesOf(await peerSource(peer.url, SHA, SHA).generate(BIASED, recordingCall(5)))).toHaveLength(2);
    expect(requests).toBe(1);
  });

  it.each([
    ['another model file', 'b'.repeat(64)],
    ['an unknown model file', null],
  ])('leaves a peer with %s out of a vote with a logit bias, without asking it or holding it against it', async (_name, peerSha) => {
    const peer = await server(voteResponseWire(PEER));
    const observer = recordingObserver();
    const outcome = await peerSource(peer.url, peerSha, SHA, observer).generate(BIASED, recordingCall(5));
    expect(!outcome.ok && outcome.failure.message).toMatch(/logit_bias/);
    expect(requests).toBe(0);
    expect(observer.failures).toEqual([]);
  });
});

describe('OpenAiPeerSource with request features', () => {
  const reply = {
    model: 'served',
    choices: [{ message: { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] }, finish_reason: 'tool_calls' }],
  };

  it('maps a choice that calls a tool onto a candidate with its calls', async () => {
    const peer = await server(reply);
    const source = new OpenAiPeerSource('openai-peer', new OpenAiPeerClient({ baseUrl: `${peer.url}/v1`, allowLoopback: true }), 5000, recordingObserver());
    const candidates = candidatesOf(await source.generate(REQUEST, recordingCall(5)));
    expect(candidates[0]).toMatchObject({ text: '', toolCalls: [{ name: 'get_weather', arguments: '{}' }] });
  });

  it('sits out a vote with a logit bias: its token ids are not this model file\'s', async () => {
    const peer = await server(reply);
    const source = new OpenAiPeerSource('openai-peer', new OpenAiPeerClient({ baseUrl: `${peer.url}/v1`, allowLoopback: true }), 5000, recordingObserver());
    const outcome = await source.generate(BIASED, recordingCall(5));
    expect(outcome.ok).toBe(false);
    expect(requests).toBe(0);
  });
});

