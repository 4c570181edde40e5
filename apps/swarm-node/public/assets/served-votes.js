// Votes this node generated for its peers: how many, and the last ones with who asked, how many
// candidates, how long, and whether this node reduced max_tokens. Every id here is what a peer
// sent: it goes in as text, never as markup (dom.js).
import { byId, h, show } from './dom.js';
import { clock, ms, shortId } from './format.js';

/** Served votes shown (the node keeps the same number). */
const MAX_SERVED_VOTES = 20;

function outcomeOf(vote) {
  if (vote.error === null) return h('span', { class: 'ok' }, `${vote.candidates} candidate${vote.candidates === 1 ? '' : 's'}`);
  return h('span', { class: 'pill bad' }, `refused: HTTP ${vote.error.status}${vote.error.code ? ` ${vote.error.code}` : ''}`);
}

function maxTokensOf(vote) {
  if (!vote.clamped) return String(vote.max_tokens_granted);
  return h('span', { class: 'clamped', title: 'This node lowered max_tokens to its own limit' }, `${vote.max_tokens_asked} → ${vote.max_tokens_granted}`);
}

/** One row of the served votes table; `labelOf(nodeId)` names a known peer. */
export function renderServedVote(vote, labelOf) {
  return h(
    'tr',
    { dataset: { requestId: vote.request_id, outcome: vote.error === null ? 'served' : 'refused' } },
    h('td', { 'data-label': 'Time' }, clock(vote.at)),
    h('td', { 'data-label': 'Asked by', title: `${vote.origin_node_id} from ${vote.client_ip}` }, labelOf(vote.origin_node_id)),
    h('td', { 'data-label': 'Outcome' }, outcomeOf(vote)),
    h('td', { 'data-label': 'Duration' }, ms(vote.duration_ms)),
    h('td', { 'data-label': 'Max tokens' }, maxTokensOf(vote)),
    h('td', { 'data-label': 'Request' }, h('code', { class: 'small', title: vote.request_id }, shortId(vote.request_id))),
  );
}

/** The panel: `load(state.served_votes)` from /v1/dashboard/state, `add(vote)` per `vote-served` event. */
export function createServedVotes(labelOf) {
  const body = document.querySelector('#served-votes-table tbody');
  let counts = { served: 0, refused: 0 };
  let votes = [];

  function render() {
    body.replaceChildren(...votes.map((vote) => renderServedVote(vote, labelOf)));
    byId('served-votes-count').textContent = `${counts.served} served · ${counts.refused} refused`;
    show(byId('served-votes-empty'), votes.length === 0);
    show(document.querySelector('#served-votes-panel .table-wrap'), votes.length > 0);
  }

  return {
    load(state) {
      counts = { served: state.served, refused: state.refused };
      votes = state.recent.slice(0, MAX_SERVED_VOTES);
      render();
    },
    add(vote) {
      if (votes.some((known) => known.request_id === vote.request_id && known.at === vote.at)) return;
      counts = vote.error === null ? { ...counts, served: counts.served + 1 } : { ...counts, refused: counts.refused + 1 };
      votes = [vote, ...votes].slice(0, MAX_SERVED_VOTES);
      render();
    },
  };
}
