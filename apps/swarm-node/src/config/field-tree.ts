import { type FieldGroup, type Fields, type FieldSpec, isFieldGroup } from './field-spec';

/** The values a table of fields holds, nested like the config file (the shape of NodeConfig). */
export type SettingsOf<F extends Fields> = {
  readonly [K in keyof F]: F[K] extends FieldGroup<infer G extends Fields> ? SettingsOf<G> : F[K] extends FieldSpec<infer T> ? T : never;
};

/** `federation.weights.peers`: the dotted config file path of every setting in a table. */
export type SettingPath<F extends Fields> = {
  [K in keyof F & string]: F[K] extends FieldGroup<infer G extends Fields> ? `${K}.${SettingPath<G>}` : K;
}[keyof F & string];

/** The value type of the setting at a dotted path. */
export type SettingAt<F extends Fields, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? F[Head] extends FieldGroup<infer G extends Fields>
    ? SettingAt<G, Rest>
    : never
  : F[P] extends FieldSpec<infer T>
    ? T
    : never;

/** The values of a table flat, by dotted path: what a flag or a config file key sets. */
export type FlatSettingsOf<F extends Fields> = { readonly [P in SettingPath<F>]: SettingAt<F, P> };

/** Each setting of a table by the dotted path of its config file key, in table order. */
export type FlatFieldsOf<F extends Fields> = { readonly [P in SettingPath<F>]: FieldSpec<SettingAt<F, P>> };

function entriesByPath(fields: Fields, prefix: string): [string, FieldSpec<unknown>][] {
  return Object.entries(fields).flatMap(([name, entry]): [string, FieldSpec<unknown>][] =>
    isFieldGroup(entry) ? entriesByPath(entry.fields, `${prefix}${name}.`) : [[prefix + name, entry]],
  );
}

// The casts below are safe by construction: each path is built from the very table whose type
// SettingPath/SettingsOf walk, so every spec, default and value lands where its type says.

/** The table flat: `federation.weights.peers` → its spec. */
export function flattenFields<F extends Fields>(fields: F): FlatFieldsOf<F> {
  return Object.freeze(Object.fromEntries(entriesByPath(fields, ''))) as FlatFieldsOf<F>;
}

/** Every setting's default, flat by dotted path. */
export function defaultsOf<F extends Fields>(fields: F): FlatSettingsOf<F> {
  return Object.freeze(Object.fromEntries(entriesByPath(fields, '').map(([path, spec]) => [path, spec.default]))) as FlatSettingsOf<F>;
}

/** Flat values (by dotted path) nested back the way the table nests them; frozen, groups included. */
export function assembleSettings<F extends Fields>(fields: F, values: FlatSettingsOf<F>): SettingsOf<F> {
  return assemble(fields, values, '') as SettingsOf<F>;
}

function assemble(fields: Fields, values: Readonly<Record<string, unknown>>, prefix: string): Readonly<Record<string, unknown>> {
  const entries = Object.entries(fields).map(([name, entry]) => [
    name,
    isFieldGroup(entry) ? assemble(entry.fields, values, `${prefix}${name}.`) : values[prefix + name],
  ]);
  return Object.freeze(Object.fromEntries(entries));
}
