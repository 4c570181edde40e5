/**
 * The URL a node's start-up banner announces (`  listening  http://127.0.0.1:43287  (reason)`),
 * or null while it has not been printed yet. The banner is plain text among JSON log lines.
 */
export function findListeningUrl(output: string): string | null {
  const match = /^\s*listening\s+(http:\/\/\S+)/m.exec(output);
  return match?.[1] ?? null;
}
