import { randomInteger, seededRandom } from '@local-swarm/bench-kit';
import type { ArithmeticForm, ArithmeticTask } from './eval-task';

const NAMES = ['Tom', 'Sara', 'Ali', 'Mia', 'Ken', 'Lena', 'Omar', 'Ana', 'Ravi', 'Zoe'] as const;
const ITEMS = ['apples', 'marbles', 'stickers', 'books', 'coins', 'cards', 'pens', 'shells'] as const;
const CONTAINERS = [
  ['box', 'boxes', 'pencils'],
  ['bag', 'bags', 'oranges'],
  ['pack', 'packs', 'cards'],
  ['crate', 'crates', 'bottles'],
] as const;

const FORMS: readonly ArithmeticForm[] = ['add', 'subtract', 'multiply', 'add-then-subtract', 'multiply-then-add', 'subtract-then-multiply'];

type Random = () => number;

function pick<T>(random: Random, values: readonly T[]): T {
  const value = values[randomInteger(random, 0, values.length - 1)];
  if (value === undefined) throw new RangeError('pick from an empty list');
  return value;
}

/** One problem of the given form: its question and exact answer. */
function problem(random: Random, form: ArithmeticForm): { question: string; answer: number } {
  switch (form) {
    case 'add': {
      const a = randomInteger(random, 10, 99);
      const b = randomInteger(random, 10, 99);
      return { question: `What is ${a} + ${b}?`, answer: a + b };
    }
    case 'subtract': {
      const a = randomInteger(random, 20, 99);
      const b = randomInteger(random, 1, a - 1);
      return { question: `What is ${a} - ${b}?`, answer: a - b };
    }
    case 'multiply': {
      const a = randomInteger(random, 2, 12);
      const b = randomInteger(random, 2, 12);
      return { question: `What is ${a} times ${b}?`, answer: a * b };
    }
    case 'add-then-subtract': {
      const name = pick(random, NAMES);
      const item = pick(random, ITEMS);
      const a = randomInteger(random, 5, 40);
      const b = randomInteger(random, 2, 30);
      const c = randomInteger(random, 1, a + b - 1);
      return {
        question: `${name} has ${a} ${item}. ${name} gets ${b} more and then gives away ${c}. How many ${item} does ${name} have now?`,
        answer: a + b - c,
      };
    }
    case 'multiply-then-add': {
      const name = pick(random, NAMES);
      const [container, containers, item] = pick(random, CONTAINERS);
      const a = randomInteger(random, 2, 12);
      const b = randomInteger(random, 2, 9);
      const c = randomInteger(random, 1, 20);
      return {
        question: `A ${container} holds ${a} ${item}. ${name} has ${b} full ${containers} and ${c} loose ${item}. How many ${item} does ${name} have in total?`,
        answer: a * b + c,
      };
    }
    case 'subtract-then-multiply': {
      const a = randomInteger(random, 6, 30);
      const b = randomInteger(random, 1, a - 2);
      const c = randomInteger(random, 2, 9);
      return {
        question: `A shop had ${a} shirts and sold ${b} of them. Each shirt left costs ${c} dollars. How many dollars are the shirts left worth together?`,
        answer: (a - b) * c,
      };
    }
  }
}

/**
 * `count` arithmetic problems for `seed`: one-step (addition, subtraction, small multiplication)
 * and two-step word problems, the form drawn uniformly. Deterministic: the same seed gives the same
 * items, and a longer list starts with the shorter one. Answers are non-negative integers.
 */
export function generateArithmeticTasks(seed: number, count: number): ArithmeticTask[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index): ArithmeticTask => {
    const form = pick(random, FORMS);
    return { family: 'arithmetic', id: `a${seed}-${index + 1}`, form, ...problem(random, form) };
  });
}
