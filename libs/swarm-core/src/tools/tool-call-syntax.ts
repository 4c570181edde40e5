/**
 * How one chat template writes a function call, as plain text: node-llama-cpp's
 * `ChatWrapperSettings["functions"]` with every `LlamaText` spelled out (special-token text
 * as the text it stands for), so parsing and grammar building need no tokenizer.
 */
export interface ToolCallSyntax {
  /** Opens a call, before the function's name (e.g. `||call: `). */
  readonly prefix: string;
  /** Other openings the model may write for a call (e.g. `||call:` without the space). */
  readonly prefixAlternates: readonly string[];
  /** Whether a space may come between the opening and the name. */
  readonly optionalPrefixSpace: boolean;
  /** Between the name and the arguments; `{{functionName}}` stands for the name. */
  readonly paramsPrefix: string;
  /** Closes a call; `{{functionName}}` stands for the name. */
  readonly suffix: string;
  /** Present when one answer may hold several calls, and how they are laid out. */
  readonly parallel?: { readonly sectionPrefix: string; readonly betweenCalls: string; readonly sectionSuffix: string };
}

/** A `LlamaTextJSON` value: plain text, special-token text, or a named special token. */
type TextPart = string | { readonly type: string; readonly value: string };

/**
 * A wrapper setting: a string, a `LlamaText` (anything with `toJSON()`), or its JSON form, so
 * the settings of a live wrapper and a JSON copy of them (as unit specs get them) read alike.
 */
export type WrapperText = string | readonly TextPart[] | { toJSON(): string | readonly TextPart[] };

/** The part of `ChatWrapperSettings["functions"]` that says how a call is written. */
export interface FunctionCallSettings {
  readonly call: {
    readonly optionalPrefixSpace: boolean;
    readonly prefix: WrapperText;
    readonly paramsPrefix: WrapperText;
    readonly suffix: WrapperText;
    readonly prefixAlternateMatches?: readonly WrapperText[];
  };
  readonly parallelism?: {
    readonly call: { readonly sectionPrefix: WrapperText; readonly betweenCalls?: WrapperText; readonly sectionSuffix?: WrapperText };
  };
}

/** Reads a chat wrapper's function settings as plain-text {@link ToolCallSyntax}. */
export function toolCallSyntax(functions: FunctionCallSettings): ToolCallSyntax {
  const { call, parallelism } = functions;
  return {
    prefix: plainText(call.prefix),
    prefixAlternates: (call.prefixAlternateMatches ?? []).map(plainText),
    optionalPrefixSpace: call.optionalPrefixSpace,
    paramsPrefix: plainText(call.paramsPrefix),
    suffix: plainText(call.suffix),
    ...(parallelism !== undefined
      ? {
          parallel: {
            sectionPrefix: plainText(parallelism.call.sectionPrefix),
            betweenCalls: plainText(parallelism.call.betweenCalls ?? ''),
            sectionSuffix: plainText(parallelism.call.sectionSuffix ?? ''),
          },
        }
      : {}),
  };
}

/** Replaces the `{{functionName}}` template parameter of a params prefix or suffix. */
export function withFunctionName(template: string, name: string): string {
  return template.split('{{functionName}}').join(name);
}

function plainText(value: WrapperText): string {
  const json = typeof value === 'object' && 'toJSON' in value ? value.toJSON() : value;
  if (typeof json === 'string') return json;
  // A named special token (BOS, EOS, ...) has no fixed text: the detokenized answer omits it too.
  return json.map((part) => (typeof part === 'string' ? part : part.type === 'specialTokensText' ? part.value : '')).join('');
}
