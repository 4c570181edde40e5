import { splitIntoDeltas } from '../responses/completion-responses';
import type { ResponseObject } from './response-object';
import type { ResponseEventStream } from './response-event-stream';
import type { OutputFunctionCall, OutputItem, OutputMessage } from './response-output';

/**
 * Streams a finished response item by item, as OpenAI does: each item added, its text in deltas
 * (a word each) or its call's arguments, then done; the whole response last, as
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
    const at = { item_id: item.id, output_index: outputIndex, content_index: contentIndex };
    stream.send('response.content_part.added', { ...at, part: { ...part, text: '' } });
    for (const delta of splitIntoDeltas(part.text)) stream.send('response.output_text.delta', { ...at, delta, logprobs: [] });
    stream.send('response.output_text.done', { ...at, text: part.text, logprobs: [] });
    stream.send('response.content_part.done', { ...at, part });
  });
}

function streamFunctionCall(stream: ResponseEventStream, item: OutputFunctionCall, outputIndex: number): void {
  stream.send('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress', arguments: '' } });
  const at = { item_id: item.id, output_index: outputIndex };
  stream.send('response.function_call_arguments.delta', { ...at, delta: item.arguments });
  stream.send('response.function_call_arguments.done', { ...at, name: item.name, arguments: item.arguments });
}
