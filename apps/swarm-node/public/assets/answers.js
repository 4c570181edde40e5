// How an answer was chosen, at a glance: the winner, one sentence saying why, and a bar per group
// of agreeing candidates (its share of the vote). The candidates themselves are one click away.
import { bar, h } from './dom.js';
import { clip, clock, ms, percent, score, shortId } from './format.js';

const GROUP_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Group colours cycle through this many classes (g0…g5 in the stylesheet). */
const GROUP_COLOURS = 6;

const DROP_REASONS = {
  empty: 'empty',
  truncated: 'cut off at max_tokens',
  looping: 'looping',
  cancelled: 'cancelled',
  error: 'failed',
  invalid_json: 'invalid JSON',
  schema_mismatch: 'does not match the schema',
};

function groupLetter(index) {
  return GROUP_LETTERS[index] ?? `G${index + 1}`;
}

/** Which group each candidate index is in, by the groups' order (heaviest first). */
function groupIndexes(consensus) {
  const of = new Map();
  consensus.groups.forEach((group, index) => {
    for (const member of group.members) of.set(member, index);
  });
  return of;
}

/** One sentence: why the winner won, in the terms of the strategy that picked it. */
export function explain(consensus, labelOf) {
  const { candidates, groups, winner } = consensus;
  if (winner === null) return 'No candidate to choose from.';
  const chosen = candidates[winner.index];
  const voting = candidates.filter((candidate) => candidate.dropped === null).length;
  const winnerGroup = groups.find((group) => group.members.includes(winner.index));
  const agreeing = winnerGroup ? winnerGroup.members.length : 0;
  const agreed = `${agreeing} of ${voting} voting candidate${voting === 1 ? '' : 's'}`;
  const dropped = candidates.filter((candidate) => candidate.dropped !== null);
  const reasons = [...new Set(dropped.map((candidate) => DROP_REASONS[candidate.dropped] ?? candidate.dropped))].join(', ');
  if (voting === 0) {
    return `All ${candidates.length} candidates were dropped before the vote (${reasons}): this answer is the least bad of them, not one anybody agreed on.`;
  }
  let why;
  switch (consensus.strategy) {
    case 'majority':
      why = `${agreed} gave this answer (${percent(consensus.agreement)} agreement): majority takes the largest group.`;
      break;
    case 'weighted_vote':
      why = `Its group holds ${percent(consensus.agreement)} of the vote weight (${agreed}): weighted vote takes the heaviest group.`;
      break;
    case 'best_of_n':
      why = `Best score of the valid candidates (${score(chosen?.score)}); ${agreed} agreed with it (${percent(consensus.agreement)}).`;
      break;
    case 'first_valid':
      why = `First valid candidate to finish (${ms(chosen?.latency_ms)}, from ${labelOf(chosen?.source ?? '')}); the others were ${consensus.cancelled_early ? 'cancelled' : 'not waited for'}.`;
      break;
    default:
      why = `${agreed} agreed (${percent(consensus.agreement)}).`;
  }
  const extras = [];
  if (consensus.requested_strategy !== consensus.strategy) extras.push(`${consensus.requested_strategy} was asked for and fell back to ${consensus.strategy}.`);
  if (consensus.early_stop === 'vote_decided') {
    const stopped = dropped.filter((candidate) => candidate.dropped === 'cancelled').length;
    extras.push(`${stopped} still generating when the lead could no longer be overturned: stopped early to save their tokens.`);
  }
  if (dropped.length > 0) {
    extras.push(`${dropped.length} dropped before the vote (${reasons}).`);
  }
  if (!consensus.valid) extras.push('No candidate passed validation: this is the least bad one.');
  else if (consensus.low_confidence) extras.push('Low confidence: no majority stands behind it.');
  if (consensus.trivial_agreement) extras.push('Temperature 0: every candidate is the same greedy answer.');
  return [why, ...extras].join(' ');
}

/** One bar per group: its share of the vote weight; the winner's group is marked. */
function groupBars(consensus) {
  const total = consensus.groups.reduce((sum, group) => sum + group.weight, 0);
  const winnerIndex = consensus.winner?.index ?? -1;
  const rows = consensus.groups.map((group, index) => {
    const share = total > 0 ? group.weight / total : 0;
    const won = group.members.includes(winnerIndex);
    const sample = consensus.candidates[group.members[0] ?? -1]?.text ?? '';
    const votes = group.members.length;
    return h(
      'li',
      { class: `group g${index % GROUP_COLOURS}${won ? ' won' : ''}`, title: group.key, dataset: { group: group.key } },
      h('span', { class: 'group-letter' }, groupLetter(index)),
      h('span', { class: 'group-text' }, clip(sample, 48) || '(empty)'),
      bar(share),
      h('span', { class: 'group-share' }, `${percent(share)} · ${votes} vote${votes === 1 ? '' : 's'}`, won ? h('strong', { class: 'won-mark' }, ' ✓ winner') : null),
    );
  });
  return h('ol', { class: 'groups', 'aria-label': 'Agreement by group' }, rows);
}

function candidateRows(consensus, labelOf) {
  const groupOf = groupIndexes(consensus);
  const winnerIndex = consensus.winner?.index ?? -1;
  const winnerGroup = groupOf.get(winnerIndex);
  return consensus.candidates.map((candidate, index) => {
    const group = groupOf.get(index);
    let verdict;
    if (index === winnerIndex) verdict = h('strong', { class: 'ok' }, 'winner');
    else if (candidate.dropped !== null) verdict = h('span', { class: 'dropped' }, `dropped: ${DROP_REASONS[candidate.dropped] ?? candidate.dropped}`);
    else if (group !== undefined && group === winnerGroup) verdict = 'agreed';
    else verdict = h('span', { class: 'muted' }, 'outvoted');
    return h(
      'tr',
      { class: index === winnerIndex ? 'is-winner' : candidate.dropped !== null ? 'is-dropped' : '' },
      h('td', { 'data-label': '#' }, String(index + 1)),
      h('td', { 'data-label': 'From', title: candidate.source }, labelOf(candidate.source)),
      h('td', { 'data-label': 'Answer', class: 'candidate-text' }, candidate.text === '' ? h('em', { class: 'muted' }, '(empty)') : candidate.text),
      h('td', { 'data-label': 'Score' }, score(candidate.score)),
      h('td', { 'data-label': 'Group' }, group === undefined ? '–' : h('span', { class: `chip g${group % GROUP_COLOURS}` }, groupLetter(group))),
      h('td', { 'data-label': 'Verdict' }, verdict),
    );
  });
}

/** The vote of one request: winner, why, bars, candidates. `open` unfolds the candidates. */
export function renderVote(consensus, labelOf, { open = false } = {}) {
  const winner = consensus.winner === null ? null : consensus.candidates[consensus.winner.index];
  return h(
    'div',
    { class: 'vote' },
    h(
      'div',
      { class: 'winner' },
      h('span', { class: 'winner-label' }, 'Winner'),
      h('blockquote', { class: 'winner-text' }, winner === null ? 'none' : winner.text === '' ? '(empty)' : winner.text),
      winner === null ? null : h('span', { class: 'muted small' }, `from ${labelOf(winner.source)}`),
    ),
    h('p', { class: 'why' }, explain(consensus, labelOf)),
    groupBars(consensus),
    h(
      'details',
      { class: 'candidates', open },
      h('summary', {}, `${consensus.candidates.length} candidate${consensus.candidates.length === 1 ? '' : 's'}`),
      h(
        'table',
        { class: 'candidates-table' },
        h('thead', {}, h('tr', {}, ['#', 'From', 'Answer', 'Score', 'Group', 'Verdict'].map((name) => h('th', {}, name)))),
        h('tbody', {}, candidateRows(consensus, labelOf)),
      ),
    ),
  );
}

/** A card of the recent answers list. */
export function renderAnswer(summary, labelOf, options = {}) {
  const consensus = summary.consensus;
  const strategy = consensus?.strategy ?? summary.strategy;
  const head = h(
    'div',
    { class: 'answer-head' },
    h('span', { class: 'pill' }, strategy),
    consensus === null
      ? h('span', { class: 'pill bad' }, 'failed')
      : h('span', { class: 'agreement' }, consensus.groups.length === 0 ? 'no agreement' : `${percent(consensus.agreement)} agreement`),
    h('span', { class: 'muted small' }, `${clock(summary.started_at)} · ${ms(summary.duration_ms)}`),
    h('code', { class: 'small', title: summary.request_id }, shortId(summary.request_id)),
  );
  const body =
    consensus === null
      ? h('p', { class: 'error' }, `Failed: ${summary.error?.message ?? 'unknown error'}`)
      : renderVote(consensus, labelOf, options);
  return h('li', { class: 'answer', dataset: { requestId: summary.request_id } }, head, body);
}
