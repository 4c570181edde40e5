/**
 * The page's served votes table (public/assets/served-votes.js), rendered by the browser module
 * itself in a child Node process (the page's modules are ES modules; jest here loads CommonJS)
 * over a minimal DOM. That DOM has no HTML parser: markup could only come from elements the module
 * creates, so a peer's id holding tags must come back as plain text.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_PUBLIC_DIR } from './dashboard.module';
import { summarizeServedVote, type ServedVoteSummary } from './served-votes';

/** An element as the child process reports it: tag, class, attributes, children (text as strings). */
interface RenderedElement {
  readonly tag: string;
  readonly className: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly dataset: Readonly<Record<string, string>>;
  readonly children: readonly (RenderedElement | string)[];
}

const MINIMAL_DOM = `
class Node {}
class Element extends Node {
  constructor(tag) { super(); this.tag = tag; this.className = ''; this.attributes = {}; this.dataset = {}; this.children = []; this.style = {}; }
  setAttribute(name, value) { this.attributes[name] = String(value); }
  addEventListener() {}
  append(...items) { for (const item of items) this.children.push(item instanceof Node ? item : String(item)); }
  set textContent(text) { this.children = [String(text)]; }
  set innerHTML(_html) { throw new Error('innerHTML is not allowed'); }
  insertAdjacentHTML() { throw new Error('insertAdjacentHTML is not allowed'); }
  toJSON() { return { tag: this.tag, className: this.className, attributes: this.attributes, dataset: this.dataset, children: this.children }; }
}
globalThis.Node = Node;
globalThis.document = { createElement: (tag) => new Element(tag) };
`;

function renderServedVote(vote: ServedVoteSummary, peerNames: Readonly<Record<string, string>> = {}): RenderedElement {
  const moduleUrl = pathToFileURL(join(DEFAULT_PUBLIC_DIR, 'assets', 'served-votes.js')).href;
  const script = `${MINIMAL_DOM}
const { renderServedVote } = await import(${JSON.stringify(moduleUrl)});
const names = ${JSON.stringify(peerNames)};
const row = renderServedVote(${JSON.stringify(vote)}, (nodeId) => names[nodeId] ?? nodeId);
process.stdout.write(JSON.stringify(row));
`;
  const output = execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: 'UTC' },
  });
  return JSON.parse(output) as RenderedElement;
}

function textOf(node: RenderedElement | string): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

function tagsOf(node: RenderedElement | string): string[] {
  return typeof node === 'string' ? [] : [node.tag, ...node.children.flatMap(tagsOf)];
}

function cells(row: RenderedElement): Record<string, string> {
  const byLabel: Record<string, string> = {};
  for (const cell of row.children) {
    if (typeof cell !== 'string') byLabel[cell.attributes['data-label'] ?? '?'] = textOf(cell);
  }
  return byLabel;
}

/** A vote as the hub summarises it: the page gets exactly this. */
const VOTE: ServedVoteSummary = summarizeServedVote(
  { requestId: 'peer-req-1', originNodeId: 'ls-peer-a', clientIp: '10.0.0.7', candidates: 3, durationMs: 420, maxTokensAsked: 4096, maxTokensGranted: 512, error: null },
  Date.parse('2025-06-01T12:34:56.000Z'),
);

describe('dashboard page: votes served to peers', () => {
  it('renders a served vote: who asked, candidates, duration and the lowered max tokens', () => {
    const row = renderServedVote(VOTE, { 'ls-peer-a': 'kitchen-node' });
    expect(row.tag).toBe('tr');
    expect(row.dataset).toEqual({ requestId: 'peer-req-1', outcome: 'served' });
    expect(cells(row)).toEqual({
      Time: '12:34:56',
      'Asked by': 'kitchen-node',
      Outcome: '3 candidates',
      Duration: '420 ms',
      'Max tokens': '4096 → 512',
      Request: 'peer-req-1',
    });
  });

  it('renders a refused vote with its status and code, and max tokens as granted when not lowered', () => {
    const row = renderServedVote({ ...VOTE, candidates: 0, clamped: false, max_tokens_asked: 64, max_tokens_granted: 64, error: { status: 429, code: 'queue_full' } });
    expect(row.dataset).toMatchObject({ outcome: 'refused' });
    expect(cells(row)).toMatchObject({ 'Asked by': 'ls-peer-a', Outcome: 'refused: HTTP 429 queue_full', 'Max tokens': '64' });
  });

  it('shows what a peer sent as text, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const row = renderServedVote({ ...VOTE, origin_node_id: hostile, request_id: `${hostile}-req`, client_ip: '"><script>' });
    expect(new Set(tagsOf(row))).toEqual(new Set(['tr', 'td', 'span', 'code']));
    expect(cells(row)['Asked by']).toBe(hostile);
    const askedBy = row.children.find((cell) => typeof cell !== 'string' && cell.attributes['data-label'] === 'Asked by');
    expect(typeof askedBy === 'string' ? null : askedBy?.attributes['title']).toBe(`${hostile} from "><script>`);
  });
});
