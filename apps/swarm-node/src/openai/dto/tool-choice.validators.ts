import { ValidateBy, type ValidationOptions } from 'class-validator';

/** OpenAI's `tool_choice`. */
export type ToolChoiceField = 'none' | 'auto' | 'required' | { readonly type: 'function'; readonly function: { readonly name: string } };

/** The legacy `function_call`. */
export type FunctionCallField = 'none' | 'auto' | { readonly name: string };

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNamed(value: unknown): value is { readonly name: string } {
  return isRecord(value) && typeof value['name'] === 'string';
}

export function isToolChoiceField(value: unknown): value is ToolChoiceField {
  if (value === 'none' || value === 'auto' || value === 'required') return true;
  return isRecord(value) && value['type'] === 'function' && isNamed(value['function']);
}

export function isFunctionCallField(value: unknown): value is FunctionCallField {
  return value === 'none' || value === 'auto' || isNamed(value);
}

/** `tool_choice`: "none", "auto", "required" or {"type": "function", "function": {"name": …}}. */
export function IsToolChoice(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isToolChoice',
      validator: {
        validate: isToolChoiceField,
        defaultMessage: () => 'tool_choice must be "none", "auto", "required" or {"type": "function", "function": {"name": string}}',
      },
    },
    options,
  );
}

/** Legacy `function_call`: "none", "auto" or {"name": …}. */
export function IsFunctionCall(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFunctionCall',
      validator: {
        validate: isFunctionCallField,
        defaultMessage: () => 'function_call must be "none", "auto" or {"name": string}',
      },
    },
    options,
  );
}
