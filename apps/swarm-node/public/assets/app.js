// The peer dashboard: loads the node's state once, then follows /v1/dashboard/events.
import { addPeer, connectEvents, getState, removePeer } from './api.js';
import { setKeyPrompt } from './api-key.js';
import { renderAnswer } from './answers.js';
import { createChat } from './chat.js';
import { byId, show } from './dom.js';
import { duration } from './format.js';
import { askKeyInDialog } from './key-dialog.js';
import { setupJoinPanel } from './join-panel.js';
import { describeChange, logChange, refreshAgo, renderPeers } from './peers.js';
import { createServedVotes } from './served-votes.js';

/** Recent answers shown (the node keeps the same number). */
const MAX_ANSWERS = 20;

const state = {
  nodeId: null,
  federation: false,
  peers: [],
  /** weighted_vote weights learned per source, as of the last state load. */
  learnedWeights: [],
  /** The last `node` facts and when they came, so uptime can tick between events. */
  node: null,
  nodeAt: 0,
  answers: [],
};

/** "this node", a peer's name, or the id itself. */
function labelOf(source) {
  if (source === state.nodeId || source === 'local') return 'this node';
  const peer = state.peers.find((candidate) => candidate.node_id === source);
  return peer ? peer.name || peer.node_id : source;
}

// ---- node panel ---------------------------------------------------------------------------

function fact(name) {
  const element = document.querySelector(`[data-fact="${name}"]`);
  if (element === null) throw new Error(`fact ${name} missing`);
  return element;
}

function renderNode() {
  const node = state.node;
  if (node === null) return;
  fact('model').textContent = node.model;
  fact('instances').textContent = String(node.instances);
  fact('hardware').textContent = node.hardware;
  fact('url').textContent = node.url ?? '–';
  fact('strategy').textContent = node.federation ? `${node.strategy} · ${node.mode}` : `${node.strategy} · federation off`;
  fact('requests').textContent = String(node.requests_served);
  const { load } = node;
  fact('queue').textContent = `${load.queued_requests} waiting (max ${load.max_queue})`;
  const busy = load.capacity > 0 ? load.busy_instances / load.capacity : 0;
  byId('busy-fill').style.width = `${busy * 100}%`;
  byId('busy-text').textContent = `${load.busy_instances} of ${load.capacity} instances busy`;
  byId('node-name').textContent = node.url ?? node.node_id;
  document.title = `Local Swarm · ${node.url ?? node.node_id}`;
  renderUptime();
}

function renderUptime() {
  if (state.node === null) return;
  fact('uptime').textContent = duration(state.node.uptime_s + (Date.now() - state.nodeAt) / 1000);
}

function setNode(node) {
  state.node = node;
  state.nodeAt = Date.now();
  state.nodeId = node.node_id;
  renderNode();
}

// ---- peers --------------------------------------------------------------------------------

const peerError = byId('peer-error');
const peerOk = byId('peer-ok');

function showPeerError(message) {
  peerError.textContent = message;
  show(peerError, message !== '');
  if (message !== '') show(peerOk, false);
}

function showPeerOk(message) {
  peerOk.textContent = message;
  show(peerOk, true);
  show(peerError, false);
}

async function onRemove(peer, button, block = false) {
  button.disabled = true;
  try {
    await removePeer(peer.node_id, block);
    showPeerOk(`${block ? 'Blocked' : 'Removed'} ${peer.name || peer.node_id}.`);
  } catch (error) {
    showPeerError(error instanceof Error ? error.message : String(error));
    button.disabled = false;
  }
}

function setPeers(peers) {
  state.peers = peers;
  renderPeers(document.querySelector('#peers-table tbody'), peers, onRemove, state.learnedWeights);
  const healthy = peers.filter((peer) => peer.status === 'healthy').length;
  byId('peer-count').textContent = state.federation ? `${healthy} healthy of ${peers.length}` : 'off';
  show(byId('peers-empty'), state.federation && peers.length === 0);
  show(document.querySelector('#peers-panel .table-wrap'), state.federation && peers.length > 0);
}

function setFederation(enabled) {
  state.federation = enabled;
  show(byId('federation-off'), !enabled);
  byId('add-peer-fields').disabled = !enabled;
  byId('peers-panel').classList.toggle('off', !enabled);
  if (!enabled) byId('peer-address').placeholder = 'federation is off';
}

byId('add-peer').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = byId('peer-address');
  const button = byId('peer-add');
  const address = input.value.trim();
  if (address === '') {
    showPeerError('Enter an address like 10.0.0.7:17615.');
    return;
  }
  button.disabled = true;
  button.textContent = 'Checking…';
  try {
    const peer = await addPeer(address);
    input.value = '';
    showPeerOk(`Added ${peer?.name || address}: ${peer?.status ?? 'added'}.`);
    input.removeAttribute('aria-invalid');
  } catch (error) {
    showPeerError(error instanceof Error ? error.message : String(error));
    input.setAttribute('aria-invalid', 'true');
  } finally {
    button.disabled = false;
    button.textContent = 'Add';
  }
});

// ---- recent answers -------------------------------------------------------------------------

function renderAnswers() {
  const list = byId('answers');
  list.replaceChildren(...state.answers.map((summary) => renderAnswer(summary, labelOf)));
  show(byId('answers-empty'), state.answers.length === 0);
}

function addAnswer(summary) {
  if (state.answers.some((known) => known.request_id === summary.request_id)) return;
  state.answers.unshift(summary);
  state.answers.length = Math.min(state.answers.length, MAX_ANSWERS);
  const list = byId('answers');
  list.prepend(renderAnswer(summary, labelOf));
  while (list.children.length > MAX_ANSWERS) list.lastElementChild?.remove();
  show(byId('answers-empty'), false);
}

// ---- live -----------------------------------------------------------------------------------

const chat = createChat(labelOf);
setKeyPrompt(askKeyInDialog);
const servedVotes = createServedVotes(labelOf);
setupJoinPanel();
const live = byId('live');
const peerLog = byId('peer-log');
let needsReload = false;

async function load() {
  const snapshot = await getState();
  setFederation(snapshot.federation.enabled);
  setNode(snapshot.node);
  state.learnedWeights = snapshot.learned_weights ?? [];
  setPeers(snapshot.peers);
  state.answers = snapshot.answers.slice(0, MAX_ANSWERS);
  renderAnswers();
  servedVotes.load(snapshot.served_votes);
}

function setLive(status) {
  live.dataset.state = status;
  live.textContent = status === 'live' ? 'live' : status === 'closed' ? 'disconnected' : 'reconnecting…';
  if (status !== 'live') needsReload = true;
  else if (needsReload) {
    // Back after a drop: answers may have finished meanwhile.
    needsReload = false;
    load().catch(() => undefined);
  }
}

connectEvents(
  {
    hello: (hello) => {
      state.nodeId = hello.node_id;
      setFederation(hello.federation);
    },
    node: setNode,
    peers: ({ peers, change }) => {
      setPeers(peers);
      const line = describeChange(change);
      if (line !== null) {
        logChange(peerLog, line);
        byId('peer-log-count').textContent = `(${peerLog.children.length})`;
      }
    },
    started: (started) => chat.onStarted(started),
    candidate: (event) => chat.onCandidate(event),
    answer: (summary) => {
      addAnswer(summary);
      chat.onAnswer(summary);
    },
    'vote-served': (vote) => servedVotes.add(vote),
  },
  setLive,
);

setInterval(() => {
  renderUptime();
  refreshAgo(byId('peers-table'));
}, 1000);

load().catch((error) => {
  live.dataset.state = 'closed';
  live.textContent = `cannot load state: ${error instanceof Error ? error.message : String(error)}`;
});
