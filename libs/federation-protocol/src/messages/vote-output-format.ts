/** A JSON Schema as a client sent it: a JSON object, validated by the receiver, never executed. */
export type VoteJsonSchema = Readonly<Record<string, unknown>>;

/**
 * The answer's form beyond free text (swarm-core's `OutputFormat`): every vote must match the
 * JSON Schema. The older `json` flag still asks for any JSON value.
 */
export interface VoteOutputFormat {
  readonly kind: 'json_schema';
  /** The schema's name as the client gave it. */
  readonly name: string;
  readonly schema: VoteJsonSchema;
  /** OpenAI's `strict`: the answer must match exactly. */
  readonly strict: boolean;
}
