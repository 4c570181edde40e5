// Formatting of times, durations and numbers for people.

export function duration(totalSeconds) {
  const s = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return `${seconds} s`;
}

/** "just now", "4 s ago", "3 min ago"; "never" for null. */
export function ago(iso, now = Date.now()) {
  if (iso === null || iso === undefined) return 'never';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '–';
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  return `${Math.floor(seconds / 3600)} h ago`;
}

export function ms(value) {
  if (value === null || value === undefined) return '–';
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(1)} s`;
}

export function percent(ratio) {
  return `${Math.round(ratio * 100)}%`;
}

export function score(value) {
  return value === null || value === undefined ? '–' : value.toFixed(2);
}

export function clip(text, length) {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > length ? `${single.slice(0, length - 1)}…` : single;
}

/** Local wall-clock time, HH:MM:SS. */
export function clock(iso) {
  const date = iso === undefined ? new Date() : new Date(iso);
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** A request id short enough for a card header (the full one is in the title). */
export function shortId(id) {
  return id.length > 14 ? `${id.slice(0, 13)}…` : id;
}

export const SOURCE_LABELS = { mdns: 'mDNS', manual: 'manual', openai: 'OpenAI-compatible' };
