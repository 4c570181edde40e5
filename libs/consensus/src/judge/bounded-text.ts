/** `text` cut to at most `maxChars` characters, the cut marked with "…" so a reader knows it is partial. */
export function boundedText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  // Cut on a code point boundary so a surrogate pair is never split into garbage.
  const kept = Array.from(text.slice(0, Math.max(0, maxChars - 1)));
  const last = kept[kept.length - 1];
  if (last !== undefined && last.length === 1 && /[\uD800-\uDBFF]/.test(last)) kept.pop();
  return `${kept.join('')}…`;
}
