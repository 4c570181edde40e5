/** What the client asked of the answer's shape, beyond the chosen candidates. */
export interface AnswerShape {
  /** The request used the legacy `functions`: a call is `message.function_call`, finish_reason "function_call". */
  readonly legacyFunctions: boolean;
  /** Log-probabilities were asked for: each choice carries them. */
  readonly logprobs: boolean;
  /** /v1/completions with `echo`: the prompt each returned text starts with; null otherwise. */
  readonly echoPrompt: string | null;
  /** /v1/completions: characters of the prompt, where OpenAI's legacy `text_offset` of the answer starts. */
  readonly promptChars: number;
}

/** Plain answers: no legacy functions, no log-probabilities, no echo. */
export const PLAIN_ANSWER: AnswerShape = { legacyFunctions: false, logprobs: false, echoPrompt: null, promptChars: 0 };
