// Server-sent events read from a fetch() body. EventSource cannot send an Authorization header, and
// the key must not go into the URL, so the page reads the stream itself.

/**
 * Splits text/event-stream chunks into events (the WHATWG rules the page needs: `event:` and
 * `data:` fields, comment lines, a blank line ends an event; lines end in LF or CRLF). `emit(name, data)` per event.
 */
export function createEventParser(emit) {
  let buffer = '';
  let name = '';
  let data = [];
  const line = (text) => {
    if (text === '') {
      if (data.length > 0) emit(name === '' ? 'message' : name, data.join('\n'));
      name = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  };
  return (chunk) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    // The last piece may be half a line: it waits for the next chunk. The node ends lines with
    // `\n`; a `\r` before it is dropped, so CRLF works too, even split across chunks.
    buffer = lines.pop() ?? '';
    for (const text of lines) line(text.endsWith('\r') ? text.slice(0, -1) : text);
  };
}

/** Feeds a response body to `emit` until the server ends it; rejects when the connection fails. */
export async function readEventStream(body, emit) {
  const parse = createEventParser(emit);
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    parse(value);
  }
}
