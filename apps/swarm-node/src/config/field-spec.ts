/** What commander hands over for a flag: a string, a boolean for a switch, a list for a repeatable flag. */
export type CliRaw = string | boolean | readonly string[];

/**
 * How one kind of value is checked. CLI values arrive as strings (booleans for switches, lists for
 * repeatable flags), file values as parsed JSON/YAML; both go through the same bounds so a flag and
 * a key can never disagree. `undefined` = invalid.
 */
export interface ValueKind<T> {
  /** What a valid value is, for error messages: "an integer between 1 and 32". */
  readonly expected: string;
  /** What one occurrence of a repeatable flag must be, when it differs from `expected`. */
  readonly expectedCli?: string;
  fromCli(raw: CliRaw): T | undefined;
  /** `configPath`: the file the value comes from, for values that are paths relative to it. */
  fromFile(value: unknown, configPath: string): T | undefined;
  /** The "got …" part of a file error, when pointing inside the value helps (a bad list item). */
  describeBadFileValue?(value: unknown): string;
}

/** The command-line flag of a setting. */
export interface CliFlag {
  /** Commander flag definition, e.g. `--instances <N>`; `--no-x` for a switch that is on by default. */
  readonly flags: string;
  /** What it does, for --help; "(default: …)" follows. */
  readonly help: string;
  /** How --help states the default when the value alone does not say it ("chosen at startup"). */
  readonly defaultHelp?: string;
  /** Also offer `--no-<flag>`, so a switch that the config file turns on can be turned off again. */
  readonly negatable?: true;
  /** Another flag that turns the switch on, in command-line order with the flag and its `--no-` form. */
  readonly alias?: string;
  /** `--peer a --peer b`: every occurrence is collected, in order. */
  readonly repeatable?: true;
  /** An environment variable that sets it when the flag is not given (it wins over the config file). */
  readonly env?: string;
  /** The flag only makes sense with federation on: given without it, it is an error. */
  readonly requiresFederation?: true;
}

/** What a table entry adds to the kind of its value. */
export interface FieldOptions<T> {
  readonly default: T;
  /** null: the setting exists only in the config file. */
  readonly cli: CliFlag | null;
  /** Comment on its line in the config file sample of --help; otherwise the flag, or "file only". */
  readonly fileHelp?: string;
}

/** One setting: how its value is checked, its default, and its flag. */
export interface FieldSpec<T> extends ValueKind<T>, FieldOptions<T> {}

/** A nested mapping of the config file (`federation:`): settings, or further groups. */
export interface FieldGroup<F extends Fields> {
  readonly fields: F;
  /** Comment on the group's line in the config file sample of --help. */
  readonly fileHelp?: string;
}

/** Settings by their config file key at one level of the file. */
export type Fields = { readonly [key: string]: FieldSpec<unknown> | FieldGroup<Fields> };

/** A setting of the table, the kind of its value and its default written once. */
export function field<T>(kind: ValueKind<T>, options: FieldOptions<NoInfer<T>>): FieldSpec<T> {
  return { ...kind, ...options };
}

/** A nested block of the config file; `fileHelp` comments its line in the --help sample. */
export function fieldGroup<F extends Fields>(fields: F, fileHelp?: string): FieldGroup<F> {
  return fileHelp === undefined ? { fields } : { fields, fileHelp };
}

/** `--max-tokens-limit`: the flag without its argument. */
export function flagOf(cli: CliFlag): string {
  return cli.flags.split(' ')[0] ?? cli.flags;
}

export function isFieldGroup(entry: FieldSpec<unknown> | FieldGroup<Fields>): entry is FieldGroup<Fields> {
  return 'fields' in entry;
}
