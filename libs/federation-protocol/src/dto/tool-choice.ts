import { ValidateBy, type ValidationOptions } from 'class-validator';
import type { VoteToolChoice } from '../messages/vote-tool-request';
import { isPlainObject } from './validate-dto';

/** OpenAI's rule for function and schema names: letters, digits, underscores and dashes, 1 to 64. */
export const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

const MODES: readonly unknown[] = ['none', 'auto', 'required'];

/** True for `none`, `auto`, `required` or `{ name }` with a function name and nothing else. */
export function isToolChoice(value: unknown): value is VoteToolChoice {
  if (MODES.includes(value)) return true;
  if (!isPlainObject(value)) return false;
  const name = value['name'];
  return Object.keys(value).length === 1 && typeof name === 'string' && FUNCTION_NAME.test(name);
}

/** The value is a tool choice (see isToolChoice). */
export function IsToolChoice(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isToolChoice',
      validator: {
        validate: (value: unknown): boolean => isToolChoice(value),
        defaultMessage: (): string => `$property must be 'none', 'auto', 'required' or { name } naming a function`,
      },
    },
    options,
  );
}
