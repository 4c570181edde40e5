import { startSwarmNode, type StartedNode } from './support/swarm-node-process';

/** Three sampled instances of the real default model, judged by the same model (one more generation). */
const INSTANCES = 3;
const OPEN_QUESTION = [{ role: 'user' as const, content: 'Name a fruit that is often red. Answer in a few words.' }];

interface JudgeShape {
  source: string;
  model: string;
  choice: number | null;
  groups_shown: number;
  reply_tokens: number;
  parsed: boolean;
  fallback: string | null;
}

interface JudgedReply {
  choices: { message: { content: string | null } }[];
  consensus: {
    strategy: string;
    requested_strategy: string;
    candidates: { text: string; source: string }[];
    notes: string[];
    judge?: JudgeShape;
  };
}

let node: StartedNode;

beforeAll(async () => {
  node = await startSwarmNode(['--instances', String(INSTANCES), '--context-size', '2048', '--max-queue', '8']);
});

afterAll(async () => {
  await node.stop();
});

async function askJudged(strategy: 'judge' | 'judge_merge'): Promise<JudgedReply> {
  const response = await fetch(`${node.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages: OPEN_QUESTION, max_tokens: 32, temperature: 0.9, strategy }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as JudgedReply;
}

describe('the judge strategy on the real model', () => {
  it('answers with one of the candidates, and says whether the judge picked it or why majority did', async () => {
    const { choices, consensus } = await askJudged('judge');
    expect(consensus.requested_strategy).toBe('judge');
    // Whoever decided, the answer is one of the candidates the vote produced, never judge text.
    expect(consensus.candidates.map((candidate) => candidate.text)).toContain(choices[0]?.message.content);
    const thisNode = consensus.candidates[0]?.source;
    expect(consensus.candidates.every((candidate) => candidate.source === thisNode)).toBe(true);
    if (consensus.strategy === 'judge') {
      // No judge peer: this node's own model judged.
      expect(consensus.judge).toMatchObject({ source: thisNode, parsed: true, fallback: null });
      expect(consensus.judge?.choice).toBeGreaterThanOrEqual(1);
      expect(consensus.judge?.choice).toBeLessThanOrEqual(consensus.judge?.groups_shown ?? 0);
    } else {
      // A 135M model may not answer the judge prompt in the asked form: the fallback is stated.
      expect(consensus.strategy).toBe('majority');
      expect(consensus.notes.join('\n')).toMatch(/one answer group: no judge needed|fell back to majority|no candidate passed validation/);
    }
  });

  it('judge_merge answers with the judge\'s own text, or says why majority answered', async () => {
    const { choices, consensus } = await askJudged('judge_merge');
    expect(consensus.requested_strategy).toBe('judge_merge');
    expect(consensus.candidates.map((candidate) => candidate.text)).toContain(choices[0]?.message.content);
    if (consensus.strategy === 'judge_merge') expect(consensus.judge).toMatchObject({ choice: null, parsed: true });
    else expect(consensus.notes.join('\n')).toMatch(/one answer group: no judge needed|fell back to majority|no candidate passed validation/);
  });
});
