import type { Candidate, RankedCandidate, Verdict } from '@local-swarm/consensus';
import type { ConsensusRun } from '@local-swarm/swarm-core';
import {
  buildChatCompletion,
  buildTextCompletion,
  splitIntoDeltas,
  toOpenAiFinishReason,
  topChoices,
  usageOf,
  type CompletedRequest,
} from './completion-responses';

function candidate(text: string, sequence: number, overrides: Partial<Candidate> = {}): Candidate {
  return { text, score: -0.5, source: 'local', sequence, model: 'm', finishReason: 'stop', latencyMs: 100 + sequence, completionTokens: 4, ...overrides };
}

function ranked(candidates: readonly Candidate[], index: number, weight = 1): RankedCandidate {
  const found = candidates[index];
  if (found === undefined) throw new Error(`no candidate ${index}`);
  return { index, candidate: found, groupKey: `text:${found.text}`, weight };
}

/**
 * A hand-made run: candidates 0 and 2 say "Paris" (the winner is 2), 1 says "Lyon",
 * 3 was cut off (dropped as truncated). Ranking: 2, 0, 1, 3.
 */
function handMadeRun(): ConsensusRun {
  const candidates = [
    candidate('Paris', 0, { score: -0.61234567 }),
    candidate('Lyon', 1, { finishReason: 'stop', completionTokens: 3 }),
    candidate('Paris.', 2, { source: 'peer-b', sequence: 0, completionTokens: 5, score: null }),
    candidate('Par', 3, { finishReason: 'length', completionTokens: 8 }),
  ];
  const verdict: Verdict = {
    requestedStrategy: 'best_of_n',
    strategy: 'majority',
    winner: ranked(candidates, 2),
    ranking: [ranked(candidates, 2), ranked(candidates, 0), ranked(candidates, 1), ranked(candidates, 3, 0)],
    groups: [
      { key: 'text:paris', layer: 'short_answer', memberIndexes: [2, 0], weight: 2 },
      { key: 'text:lyon', layer: 'canonical', memberIndexes: [1], weight: 1 },
    ],
    agreement: 2 / 4,
    lowConfidence: false,
    askedFor: 4,
    validCount: 3,
    dropReasons: { truncated: 1 },
    entropy: 1.0397207708399179,
    valid: true,
    dropped: [{ index: 3, reason: 'truncated' }],
    notes: ['best_of_n fell back to majority: 1 of 3 candidates have no score'],
  };
  return {
    candidates,
    verdict,
    usage: { promptTokens: 17, completionTokens: 20 },
    sources: [
      { id: 'local', ok: true, candidates: 3, usage: { promptTokens: 17, completionTokens: 15 } },
      { id: 'peer-b', ok: true, candidates: 1, usage: { promptTokens: 19, completionTokens: 5 } },
    ],
    cancelledEarly: false,
    earlyStop: null,
  };
}

function request(choices: number, trivialAgreement = false): CompletedRequest {
  return { run: handMadeRun(), model: 'served-model', choices, trivialAgreement };
}

describe('splitIntoDeltas', () => {
  it.each([
    ['hello world', ['hello ', 'world']],
    ['  leading spaces here', ['  leading ', 'spaces ', 'here']],
    ['line one\n\nline two\n', ['line ', 'one\n\n', 'line ', 'two\n']],
    ['\n\tindented', ['\n\tindented']],
    ['single', ['single']],
    ['   ', ['   ']],
    ['', []],
  ])('splits %j into %j', (text, deltas) => {
    expect(splitIntoDeltas(text)).toEqual(deltas);
  });

  it.each(['hello world', '  leading', 'trailing  ', '\n\nnewlines\r\nand\ttabs\n', '   ', '', 'x', 'ünïcödé 文字 😀 ok', '{"a": [1, 2]}'])(
    'joins back to the original text: %j',
    (text) => {
      expect(splitIntoDeltas(text).join('')).toBe(text);
    },
  );
});

describe('toOpenAiFinishReason', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['cancelled', 'stop'],
    ['error', 'stop'],
  ] as const)('%s → %s', (ours, openAi) => {
    expect(toOpenAiFinishReason(ours)).toBe(openAi);
  });
});

describe('topChoices / usageOf', () => {
  it('takes the first n of the ranking, winner first', () => {
    expect(topChoices(request(2)).map((entry) => entry.index)).toEqual([2, 0]);
  });

  it("counts the prompt once and the returned choices' tokens, not the hidden candidates'", () => {
    expect(usageOf(request(1))).toEqual({ prompt_tokens: 17, completion_tokens: 5, total_tokens: 22 });
    expect(usageOf(request(2))).toEqual({ prompt_tokens: 17, completion_tokens: 5 + 4, total_tokens: 26 });
  });
});

describe('buildChatCompletion', () => {
  it('builds an OpenAI chat.completion with the winner as choice 0', () => {
    const completion = buildChatCompletion(request(1));
    expect(completion.id).toMatch(/^chatcmpl-[0-9a-f]{32}$/);
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('served-model');
    expect(Math.abs(completion.created - Date.now() / 1000)).toBeLessThan(5);
    expect(completion.choices).toEqual([
      { index: 0, message: { role: 'assistant', content: 'Paris.', refusal: null }, logprobs: null, finish_reason: 'stop' },
    ]);
    expect(completion.usage).toEqual({ prompt_tokens: 17, completion_tokens: 5, total_tokens: 22 });
  });

  it('returns the top n of the ranking as choices, indexed 0..n-1, mapping finish reasons', () => {
    const completion = buildChatCompletion(request(4));
    expect(completion.choices.map((choice) => [choice.index, choice.message.content, choice.finish_reason])).toEqual([
      [0, 'Paris.', 'stop'],
      [1, 'Paris', 'stop'],
      [2, 'Lyon', 'stop'],
      [3, 'Par', 'length'],
    ]);
  });

  it('carries consensus metadata: winner index/source, agreement, groups, drops', () => {
    const { consensus } = buildChatCompletion(request(1));
    expect(consensus.winner).toEqual({ source: 'peer-b', index: 2, sequence: 0 });
    expect(consensus.strategy).toBe('majority');
    expect(consensus.requested_strategy).toBe('best_of_n');
    expect(consensus.agreement).toBe(0.5);
    expect(consensus.low_confidence).toBe(false);
    expect(consensus).toMatchObject({ asked_for: 4, valid_count: 3, drop_reasons: { truncated: 1 }, entropy: 1.0397 });
    expect(consensus.valid).toBe(true);
    expect(consensus.trivial_agreement).toBe(false);
    expect(consensus.cancelled_early).toBe(false);
    expect(consensus.early_stop).toBeNull();
    expect(consensus.groups).toEqual([
      { key: 'text:paris', layer: 'short_answer', members: [2, 0], weight: 2 },
      { key: 'text:lyon', layer: 'canonical', members: [1], weight: 1 },
    ]);
    expect(consensus.candidates).toHaveLength(4);
    expect(consensus.candidates[0]).toEqual({
      index: 0,
      source: 'local',
      sequence: 0,
      model: 'm',
      text: 'Paris',
      score: -0.6123,
      finish_reason: 'stop',
      latency_ms: 100,
      completion_tokens: 4,
      group: 'text:paris',
      dropped: null,
    });
    expect(consensus.candidates[2]?.score).toBeNull();
    expect(consensus.candidates[3]).toMatchObject({ group: null, dropped: 'truncated', finish_reason: 'length' });
    expect(consensus.sources).toEqual([
      { id: 'local', ok: true, candidates: 3, error: null },
      { id: 'peer-b', ok: true, candidates: 1, error: null },
    ]);
    expect(consensus.notes).toEqual(['best_of_n fell back to majority: 1 of 3 candidates have no score']);
    expect(consensus.usage).toEqual({
      prompt_tokens: 17 + 19,
      completion_tokens: 20,
      total_tokens: 56,
      by_source: [
        { source: 'local', prompt_tokens: 17, completion_tokens: 15 },
        { source: 'peer-b', prompt_tokens: 19, completion_tokens: 5 },
      ],
    });
  });

  it('marks trivial agreement (temperature 0) and adds a note', () => {
    const { consensus } = buildChatCompletion(request(1, true));
    expect(consensus.trivial_agreement).toBe(true);
    expect(consensus.notes).toHaveLength(2);
    expect(consensus.notes[1]).toMatch(/temperature 0/);
  });
});

describe('buildTextCompletion', () => {
  it('builds a text_completion with the ranked texts', () => {
    const completion = buildTextCompletion(request(2));
    expect(completion.id).toMatch(/^cmpl-[0-9a-f]{32}$/);
    expect(completion.object).toBe('text_completion');
    expect(completion.choices).toEqual([
      { index: 0, text: 'Paris.', logprobs: null, finish_reason: 'stop' },
      { index: 1, text: 'Paris', logprobs: null, finish_reason: 'stop' },
    ]);
    expect(completion.usage).toEqual({ prompt_tokens: 17, completion_tokens: 9, total_tokens: 26 });
    expect(completion.consensus.winner?.index).toBe(2);
  });
});
