/** `text` as a GBNF string literal, with the escapes llama.cpp's grammar parser reads. */
export function gbnfLiteral(text: string): string {
  let escaped = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char === '\\' || char === '"') escaped += `\\${char}`;
    else if (char === '\n') escaped += '\\n';
    else if (char === '\r') escaped += '\\r';
    else if (char === '\t') escaped += '\\t';
    else if (code < 0x20 || code === 0x7f) escaped += `\\x${code.toString(16).padStart(2, '0')}`;
    else escaped += char;
  }
  return `"${escaped}"`;
}
