/** The two families of scorable tasks: short factual questions and small arithmetic problems. */
export type TaskFamily = 'factual' | 'arithmetic';

export const TASK_FAMILIES: readonly TaskFamily[] = ['factual', 'arithmetic'];

/** A short factual question; any of `answers` (aliases) counts as right. */
export interface FactualTask {
  readonly family: 'factual';
  readonly id: string;
  readonly question: string;
  /** Accepted answers, e.g. ["Washington, D.C.", "Washington DC", "Washington"]. */
  readonly answers: readonly string[];
  /** Loose category from the data file (capitals, science, ...), for reading results only. */
  readonly topic?: string;
}

/** The shapes the arithmetic generator draws from. */
export type ArithmeticForm = 'add' | 'subtract' | 'multiply' | 'add-then-subtract' | 'multiply-then-add' | 'subtract-then-multiply';

/** A generated arithmetic problem with its exact integer answer. */
export interface ArithmeticTask {
  readonly family: 'arithmetic';
  readonly id: string;
  readonly question: string;
  readonly answer: number;
  readonly form: ArithmeticForm;
}

export type EvalTask = FactualTask | ArithmeticTask;
