import type { Candidate } from '@local-swarm/consensus';
import type { ArithmeticTask, FactualTask } from '../../index';
import type { TaskObservation } from '../ask-task';
import type { FederationNode } from '../candidate-views';
import type { ConsensusReply } from '../consensus-reply';
import type { FederationRun } from '../federation-run';

export const SMOL = 'SmolLM2-135M-Instruct.Q4_1';
export const GEMMA = 'gemma-3-270m-q4_k_m';

/** A (asked) and B serve SmolLM2, C serves Gemma: the eval's layout. */
export const NODES: readonly FederationNode[] = [
  { source: 'fq-a', label: 'A', model: SMOL, modelLabel: 'SmolLM2-135M' },
  { source: 'fq-b', label: 'B', model: SMOL, modelLabel: 'SmolLM2-135M' },
  { source: 'fq-c', label: 'C', model: GEMMA, modelLabel: 'Gemma 3 270M' },
];

export const parisTask: FactualTask = { family: 'factual', id: 'f1', question: 'What is the capital of France?', answers: ['Paris'] };
export const sumTask: ArithmeticTask = { family: 'arithmetic', id: 'a1', question: 'What is 2 + 3?', answer: 5, form: 'add' };

/** A finished candidate of a node of NODES (its model follows from its source). */
export function candidateOf(source: string, sequence: number, text: string, overrides: Partial<Candidate> = {}): Candidate {
  return {
    text,
    score: -0.5,
    source,
    sequence,
    model: NODES.find((node) => node.source === source)?.model ?? 'unknown',
    finishReason: 'stop',
    latencyMs: 1000,
    completionTokens: 5,
    ...overrides,
  };
}

/** Three candidates per node: `texts` lists A's, B's and C's in that order. */
export function nineCandidates(texts: readonly [readonly string[], readonly string[], readonly string[]]): Candidate[] {
  return NODES.flatMap((node, index) => (texts[index] ?? []).map((text, sequence) => candidateOf(node.source, sequence, text)));
}

/** A reply holding `candidates`, whose node picked `winnerIndex` and answered its text. */
export function replyOf(candidates: readonly Candidate[], winnerIndex: number, earlyStop: string | null = null): ConsensusReply {
  return {
    candidates,
    verdict: { strategy: 'majority', winnerIndex, answer: candidates[winnerIndex]?.text ?? '', earlyStop },
    sources: NODES.map((node) => ({ id: node.source, ok: true, candidates: 3, error: null })),
    completionTokens: candidates.reduce((sum, candidate) => sum + (candidate.completionTokens ?? 0), 0),
    promptTokens: 20,
  };
}

export function observationOf(task: FactualTask | ArithmeticTask, reply: ConsensusReply | null, cpuSeconds: Record<string, number> = {}): TaskObservation {
  return {
    request: { task, maxTokens: 24, stop: [], temperature: 0.7, topP: 0.95, seed: 7, strategy: 'majority', choices: 1 },
    elapsedMs: 2000,
    reply,
    error: reply === null ? 'HTTP 500: boom' : null,
    cpuSeconds,
  };
}

export function runOf(observations: readonly TaskObservation[]): FederationRun {
  return {
    settings: {
      seed: 1,
      factual: 1,
      arithmetic: 1,
      instances: 3,
      threads: 1,
      contextSize: 512,
      maxTokens: { factual: 24, arithmetic: 64 },
      stop: { factual: ['\n', '. '], arithmetic: [] },
      temperature: 0.7,
      topP: 0.95,
      strategy: 'majority',
      earlyExit: true,
      priorWeight: 1.5,
    },
    nodes: NODES,
    favouredModel: GEMMA,
    startedAt: '2025-01-01T00:00:00.000Z',
    readyMs: 1500,
    machine: 'test machine',
    pinning: [[0], [0], [1]],
    cores: 2,
    observations,
    durationSeconds: 30,
  };
}
