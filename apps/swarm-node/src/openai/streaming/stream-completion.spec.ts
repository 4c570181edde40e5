import { decidedRun } from '../../testing/decided-run';
import { RecordingReply } from '../../testing/recording-reply';
import type { CompletedRequest } from '../responses/completion-responses';
import { SseStream } from './sse-stream';
import { streamChatCompletion, streamTextCompletion } from './stream-completion';

interface Chunk {
  object: string;
  choices: { index: number; finish_reason: string | null; delta?: { content?: string }; text?: string }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
  consensus?: { winner: { index: number } | null; usage: { completion_tokens: number } };
}

function completed(choices: number): CompletedRequest {
  return { run: decidedRun(), model: 'served-model', choices, trivialAgreement: false };
}

function streamed(write: (stream: SseStream) => void): { chunks: Chunk[]; endsWithDone: boolean } {
  const recording = new RecordingReply();
  write(SseStream.open(recording.reply));
  return { chunks: recording.chunks<Chunk>(), endsWithDone: recording.events().at(-1)?.kind === 'done' };
}

describe('streamChatCompletion', () => {
  it('without include_usage: every chunk has a choice, the finish chunk carries consensus, no usage anywhere', () => {
    const { chunks, endsWithDone } = streamed((stream) => streamChatCompletion(stream, completed(1), false));
    expect(endsWithDone).toBe(true);
    expect(chunks.every((chunk) => chunk.choices.length === 1)).toBe(true);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe('Paris is nice');
    const last = chunks.at(-1);
    expect(last?.choices[0]?.finish_reason).toBe('stop');
    expect(last?.consensus?.winner?.index).toBe(0);
    expect(chunks.filter((chunk) => chunk.consensus !== undefined)).toHaveLength(1);
    expect(chunks.some((chunk) => 'usage' in chunk)).toBe(false);
  });

  it('with include_usage: usage null on every choice chunk, then exactly one usage chunk with empty choices, last', () => {
    const { chunks, endsWithDone } = streamed((stream) => streamChatCompletion(stream, completed(1), true));
    expect(endsWithDone).toBe(true);
    const usageChunks = chunks.filter((chunk) => chunk.usage !== null && chunk.usage !== undefined);
    expect(usageChunks).toHaveLength(1);
    expect(chunks.at(-1)).toBe(usageChunks[0]);
    expect(usageChunks[0]?.choices).toEqual([]);
    // The returned choice's tokens only; the vote's 8 are in consensus.usage.
    expect(usageChunks[0]?.usage).toEqual({ prompt_tokens: 9, completion_tokens: 6, total_tokens: 15 });
    const choiceChunks = chunks.slice(0, -1);
    expect(choiceChunks.every((chunk) => chunk.choices.length === 1 && chunk.usage === null)).toBe(true);
    expect(choiceChunks.at(-1)?.consensus?.usage.completion_tokens).toBe(8);
  });

  it('with n choices: the consensus rides on the last choice’s finish chunk only', () => {
    const { chunks } = streamed((stream) => streamChatCompletion(stream, completed(2), false));
    const withConsensus = chunks.filter((chunk) => chunk.consensus !== undefined);
    expect(withConsensus).toEqual([chunks.at(-1)]);
    expect(withConsensus[0]?.choices[0]).toMatchObject({ index: 1, finish_reason: 'stop' });
  });
});

describe('streamTextCompletion', () => {
  it('honours include_usage the same way: one usage chunk, last, counting the returned choices', () => {
    const { chunks, endsWithDone } = streamed((stream) => streamTextCompletion(stream, completed(2), true));
    expect(endsWithDone).toBe(true);
    expect(chunks.every((chunk) => chunk.object === 'text_completion')).toBe(true);
    const usageChunks = chunks.filter((chunk) => chunk.usage !== null && chunk.usage !== undefined);
    expect(usageChunks).toEqual([chunks.at(-1)]);
    expect(usageChunks[0]?.usage).toEqual({ prompt_tokens: 9, completion_tokens: 8, total_tokens: 17 });
    expect(chunks.at(-2)?.consensus).toBeDefined();
  });

  it('without include_usage sends no chunk with empty choices', () => {
    const { chunks } = streamed((stream) => streamTextCompletion(stream, completed(1), false));
    expect(chunks.every((chunk) => chunk.choices.length === 1)).toBe(true);
    expect(chunks.map((chunk) => chunk.choices[0]?.text ?? '').join('')).toBe('Paris is nice');
    expect(chunks.at(-1)?.consensus).toBeDefined();
  });
});
