import { splitIntoDeltas } from '../responses/completion-responses';
import type { ResponseObject } from './response-object';
import type { ResponseEventStream } from './response-event-stream';
import type { OutputFunctionCall, OutputItem, OutputMessage, OutputRefusalPart, OutputTextPart } from './response-output';

/** Where a content part is: its message, the message's place in the output, the part's place in the message. */
interface PartPosition {
  readonly item_id: string;
  readonly output_index: number;
  readonly content_index: number;
}

/**
 * Streams a finished response item by item, as OpenAI does: each item added, its text in deltas
 * (a word each; a refusal as `response.refusal.*` events instead) or its call's arguments, then done; the whole response last, as
 * `response.completed` (or `response.incomplete` when the answer was cut at max_output_tokens).
 */
export function streamFinishedResponse(stream: ResponseEventStream, response: ResponseObject): void {
  response.output.forEach((item, outputIndex) => streamItem(stream, item, outputIndex));
  stream.send(response.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response });
  stream.end();
}

function streamItem(stream: ResponseEventStream, item: OutputItem, outputIndex: number): void {
  if (item.type === 'message') streamMessage(stream, item, outputIndex);
  else streamFunctionCall(stream, item, outputIndex);
  stream.send('response.output_item.done', { output_index: outputIndex, item });
}

function streamMessage(stream: ResponseEventStream, item: OutputMessage, outputIndex: number): void {
  stream.send('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress', content: [] } });
  item.content.forEach((part, contentIndex) => {
    const at: PartPosition = { item_id: item.id, output_index: outputIndex, content_index: contentIndex };
    if (part.type === 'output_text') streamTextPart(stream, part, at);
    else streamRefusalPart(stream, part, at);
    stream.send('response.content_part.done', { ...at, part });
  });
}

function streamTextPart(stream: ResponseEventStream, part: OutputTextPart, at: PartPosition): void {
  stream.send('response.content_part.added', { ...at, part: { ...part, text: '' } });
  for (const delta of splitIntoDeltas(part.text)) stream.send('response.output_text.delta', { ...at, delta, logprobs: [] });
  stream.send('response.output_text.done', { ...at, text: part.text, logprobs: [] });
}

function streamRefusalPart(stream: ResponseEventStream, part: OutputRefusalPart, at: PartPosition): void {
  stream.send('response.content_part.added', { ...at, part: { ...part, refusal: '' } });
  for (const delta of splitIntoDeltas(part.refusal)) stream.send('response.refusal.delta', { ...at, delta });
  stream.send('response.refusal.done', { ...at, refusal: part.refusal });
}

function streamFunctionCall(stream: ResponseEventStream, item: OutputFunctionCall, outputIndex: number): void {
  stream.send('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress', arguments: '' } });
  const at = { item_id: item.id, output_index: outputIndex };
  stream.send('response.function_call_arguments.delta', { ...at, delta: item.arguments });
  stream.send('response.function_call_arguments.done', { ...at, name: item.name, arguments: item.arguments });
}
