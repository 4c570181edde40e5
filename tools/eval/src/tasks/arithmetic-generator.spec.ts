import type { ArithmeticForm } from './eval-task';
import { generateArithmeticTasks } from './arithmetic-generator';

/** Recomputes a problem's answer from the numbers in its question, independently of the generator. */
function recompute(form: ArithmeticForm, question: string): number {
  const [a = NaN, b = NaN, c = NaN] = (question.match(/\d+/g) ?? []).map(Number);
  switch (form) {
    case 'add':
      return a + b;
    case 'subtract':
      return a - b;
    case 'multiply':
      return a * b;
    case 'add-then-subtract':
      return a + b - c;
    case 'multiply-then-add':
      return a * b + c;
    case 'subtract-then-multiply':
      return (a - b) * c;
  }
}

describe('generateArithmeticTasks', () => {
  it('gives the same items for the same seed', () => {
    expect(generateArithmeticTasks(7, 50)).toEqual(generateArithmeticTasks(7, 50));
  });
  it('gives different items for a different seed', () => {
    const questions = (seed: number): string[] => generateArithmeticTasks(seed, 50).map((task) => task.question);
    expect(questions(8)).not.toEqual(questions(7));
  });
  it('extends a shorter list rather than reshuffling it', () => {
    expect(generateArithmeticTasks(3, 80).slice(0, 20)).toEqual(generateArithmeticTasks(3, 20));
  });
  it('computes every answer right, as a non-negative integer', () => {
    for (const task of generateArithmeticTasks(11, 500)) {
      expect(task.answer).toBe(recompute(task.form, task.question));
      expect(Number.isInteger(task.answer) && task.answer >= 0).toBe(true);
    }
  });
  it('draws every form, with unique ids', () => {
    const tasks = generateArithmeticTasks(5, 300);
    expect(new Set(tasks.map((task) => task.form)).size).toBe(6);
    expect(new Set(tasks.map((task) => task.id)).size).toBe(tasks.length);
  });
  it('refuses a negative count', () => {
    expect(() => generateArithmeticTasks(1, -1)).toThrow(RangeError);
  });
});
