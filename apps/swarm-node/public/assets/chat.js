// The chat box: sends one prompt through the swarm with a request id of its own, shows that
// request's candidates as the event stream reports them, then the vote.
import { newRequestId, sendChat } from './api.js';
import { renderVote } from './answers.js';
import { byId, h, show } from './dom.js';
import { ms, score } from './format.js';

export function createChat(labelOf) {
  const form = byId('chat-form');
  const prompt = byId('chat-prompt');
  const strategy = byId('chat-strategy');
  const maxTokens = byId('chat-max-tokens');
  const send = byId('chat-send');
  const error = byId('chat-error');
  const live = byId('chat-live');
  const status = byId('chat-status');
  const arrivals = byId('chat-candidates');
  const result = byId('chat-result');

  /** The request on screen: its id, candidates seen (by source and sequence), whether the vote is shown. */
  let current = null;

  function addCandidate(candidate) {
    if (current === null) return;
    const key = `${candidate.source}#${candidate.sequence}`;
    if (current.seen.has(key)) return;
    current.seen.add(key);
    arrivals.append(
      h(
        'li',
        { class: 'arrival', dataset: { source: candidate.source } },
        h('span', { class: 'arrival-from' }, `${labelOf(candidate.source)} #${candidate.sequence + 1}`),
        h('span', { class: 'arrival-text' }, candidate.text === '' ? '(empty)' : candidate.text),
        h('span', { class: 'muted small' }, `score ${score(candidate.score)} · ${ms(candidate.latency_ms)}`),
      ),
    );
    status.textContent = `${current.seen.size} arrived, waiting for the rest…`;
  }

  function showVote(consensus) {
    if (current === null || current.voted) return;
    current.voted = true;
    // Candidates the stream missed (it reconnected, say) come from the vote itself.
    for (const candidate of consensus.candidates) addCandidate(candidate);
    status.textContent = `${consensus.candidates.length} candidates · vote: ${consensus.strategy}`;
    result.replaceChildren(renderVote(consensus, labelOf, { open: true }));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = prompt.value.trim();
    if (text === '') {
      error.textContent = 'Write a prompt first.';
      show(error, true);
      return;
    }
    const requestId = newRequestId();
    current = { requestId, seen: new Set(), voted: false };
    show(error, false);
    show(live, true);
    live.dataset.requestId = requestId;
    arrivals.replaceChildren();
    result.replaceChildren();
    status.textContent = 'sent, waiting for candidates…';
    send.disabled = true;
    const started = performance.now();
    try {
      const tokens = Number.parseInt(maxTokens.value, 10);
      const completion = await sendChat({ prompt: text, strategy: strategy.value, maxTokens: Number.isFinite(tokens) ? tokens : 48, requestId });
      if (current?.requestId !== requestId) return;
      if (completion?.consensus) showVote(completion.consensus);
      status.textContent += ` · ${ms(performance.now() - started)}`;
    } catch (failure) {
      if (current?.requestId !== requestId) return;
      error.textContent = failure instanceof Error ? failure.message : String(failure);
      show(error, true);
      status.textContent = 'failed';
    } finally {
      send.disabled = false;
    }
  });

  return {
    onStarted(started) {
      if (current?.requestId === started.request_id && current.seen.size === 0) status.textContent = `running (${started.strategy}), waiting for candidates…`;
    },
    onCandidate(event) {
      if (current?.requestId === event.request_id) addCandidate(event.candidate);
    },
    onAnswer(summary) {
      if (current?.requestId === summary.request_id && summary.consensus !== null) showVote(summary.consensus);
    },
  };
}
