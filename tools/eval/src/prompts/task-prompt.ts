import type { ChatMessage, Prompt } from '@local-swarm/swarm-core';
import type { EvalTask, TaskFamily } from '../tasks/eval-task';

/** The system instruction per family: short answers, and a final line the scorer can find. */
export const SYSTEM_INSTRUCTIONS: Readonly<Record<TaskFamily, string>> = {
  factual: 'Answer with only the answer: a word or a short phrase, no explanation.',
  arithmetic: 'Solve the problem with a short calculation. Then write the final line as: Answer: <number>',
};

/**
 * Worked examples shown before the question (none of them is in the task set). They fix the
 * answer's shape, which the instruction alone does not get from a 135M model: without them, a
 * third of the factual answers ran past max_tokens in trials (the vote drops those as truncated),
 * with them a tenth to a fifth. The price: the model sometimes copies an example's content (an
 * answer mentioning the Odyssey). For arithmetic, the one-step example comes last because the
 * model copies the shape of the nearest example.
 */
export const FEW_SHOT: Readonly<Record<TaskFamily, readonly ChatMessage[]>> = {
  factual: [
    { role: 'user', content: 'Who wrote the Odyssey?' },
    { role: 'assistant', content: 'Homer' },
    { role: 'user', content: 'How many wheels does a bicycle have?' },
    { role: 'assistant', content: 'Two' },
  ],
  arithmetic: [
    { role: 'user', content: 'A bag holds 4 apples. Jo has 3 full bags and 2 loose apples. How many apples does Jo have in total?' },
    { role: 'assistant', content: '3 × 4 = 12, 12 + 2 = 14\nAnswer: 14' },
    { role: 'user', content: 'Lisa has 5 pens and buys 3 more. How many pens does Lisa have?' },
    { role: 'assistant', content: '5 + 3 = 8\nAnswer: 8' },
  ],
};

/**
 * Most tokens per answer. Factual answers are a word or a phrase (a sentence at most); arithmetic
 * needs a line or two of working plus the answer line (the examples' format takes ~25 tokens;
 * longer answers seen in trials were loops). Candidates cut off here are "truncated" and the vote
 * drops them, so the report says how many hit the limit.
 */
export const DEFAULT_MAX_TOKENS: Readonly<Record<TaskFamily, number>> = { factual: 24, arithmetic: 48 };

/**
 * Stop strings per family. A factual answer ends with its first sentence (". ") or line: only that
 * much is scored (see scoreAnswer), and the model's rambling after it costs tokens, pushes answers
 * into max_tokens (where the vote drops them as truncated) and splits the vote's text groups.
 * The price: an initial ("J. K. Rowling") ends the answer early. Arithmetic answers need two lines
 * (working, then "Answer:"), so they run until the model ends them.
 */
export const STOP_SEQUENCES: Readonly<Record<TaskFamily, readonly string[]>> = { factual: ['\n', '. '], arithmetic: [] };

/** The chat prompt of a task: system instruction, the family's examples, then the question. */
export function taskPrompt(task: EvalTask): Prompt {
  return {
    kind: 'chat',
    messages: [{ role: 'system', content: SYSTEM_INSTRUCTIONS[task.family] }, ...FEW_SHOT[task.family], { role: 'user', content: task.question }],
  };
}
