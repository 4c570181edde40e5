// The peers table, rebuilt from the full list on every `peers` event, and its change log.
import { h } from './dom.js';
import { ago, clock, ms, SOURCE_LABELS } from './format.js';

const STATUS_MARKS = { healthy: '●', unhealthy: '▲', expired: '○', quarantined: '⊘', ignored: '–' };

function statusCell(status) {
  return h('span', { class: `status status-${status}` }, `${STATUS_MARKS[status] ?? '?'} ${status}`);
}

/** "0.84 · 23 votes": a source's learned weighted_vote weight and the votes it rests on. */
function learnedCell(learned) {
  return learned === undefined ? '–' : `${learned.weight.toFixed(2)} · ${learned.observations} votes`;
}

/** One row; `onRemove(peer, button, block)` runs when its Remove or Block button is pressed. */
function peerRow(peer, onRemove, now, learned) {
  const remove = h('button', { type: 'button', class: 'small danger', 'aria-label': `Remove ${peer.name}`, title: peer.source === 'mdns' ? 'An mDNS peer comes back when it is seen again' : 'Forget this peer' }, 'Remove');
  remove.addEventListener('click', () => onRemove(peer, remove));
  const block = h('button', { type: 'button', class: 'small danger', 'aria-label': `Block ${peer.name}`, title: 'Remove and refuse this node from now on, also after restarts' }, 'Block');
  block.addEventListener('click', () => onRemove(peer, block, true));
  return h(
    'tr',
    { dataset: { nodeId: peer.node_id, status: peer.status } },
    h('td', { 'data-label': 'Name', 'data-col': 'name', title: peer.node_id }, peer.name || peer.node_id),
    h('td', { 'data-label': 'Address', 'data-col': 'address' }, `${peer.address}:${peer.port}`),
    h('td', { 'data-label': 'Source', 'data-col': 'source' }, SOURCE_LABELS[peer.source] ?? peer.source),
    h('td', { 'data-label': 'Status', 'data-col': 'status' }, statusCell(peer.status)),
    h('td', { 'data-label': 'Trust', 'data-col': 'trust', title: peer.reason ?? '' }, peer.trust ?? '–'),
    h('td', { 'data-label': 'Last seen', 'data-col': 'last-seen' }, h('span', { dataset: { ago: peer.last_seen ?? '' } }, ago(peer.last_seen, now))),
    h('td', { 'data-label': 'RTT', 'data-col': 'rtt' }, ms(peer.rtt_ms)),
    h('td', { 'data-label': 'Failures', 'data-col': 'failures' }, String(peer.failures)),
    h('td', { 'data-label': 'Model', 'data-col': 'model' }, peer.model_id ?? '–'),
    h('td', { 'data-label': 'Instances', 'data-col': 'instances' }, peer.instances === null ? '–' : String(peer.instances)),
    h('td', { 'data-label': 'Learned weight', 'data-col': 'learned-weight' }, learnedCell(learned)),
    h('td', { class: 'actions' }, remove, block),
  );
}

/** `learnedWeights`: the state's learned_weights (as of the last load), matched to peers by node id. */
export function renderPeers(tbody, peers, onRemove, learnedWeights = []) {
  const now = Date.now();
  const learnedOf = new Map(learnedWeights.map((entry) => [entry.source, entry]));
  tbody.replaceChildren(...peers.map((peer) => peerRow(peer, onRemove, now, learnedOf.get(peer.node_id))));
}

/** Re-renders every "x s ago" of the table (called every second). */
export function refreshAgo(root) {
  const now = Date.now();
  for (const element of root.querySelectorAll('[data-ago]')) {
    const iso = element.dataset.ago;
    element.textContent = ago(iso === '' ? null : iso, now);
  }
}

/** A line for the change log, or null for periodic refreshes. */
export function describeChange(change) {
  const who = change.name || change.node_id || 'a peer';
  switch (change.kind) {
    case 'added':
      return `${who} joined`;
    case 'removed':
      return `${who} left (${change.reason ?? 'removed'})`;
    case 'changed':
      return `${who}: ${change.from} → ${change.to}${change.reason ? ` (${change.reason})` : ''}`;
    case 'rekeyed':
      return `${who} identified (${change.reason ?? ''})`;
    default:
      return null;
  }
}

/** Prepends a change to the log, keeping the last `keep`. */
export function logChange(list, text, keep = 12) {
  list.prepend(h('li', {}, h('time', { class: 'muted small' }, clock()), ' ', text));
  while (list.children.length > keep) list.lastElementChild?.remove();
}
