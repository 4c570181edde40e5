import { type CliFlag, type FieldGroup, type Fields, type FieldSpec, flagOf, isFieldGroup } from './field-spec';
import { DEFAULT_SETTINGS } from './node-config';
import { NODE_FIELDS } from './node-fields';

/** A flag's --help text: what it does, then its default. */
export function flagHelp(cli: CliFlag, defaultValue: unknown): string {
  const shown = defaultValue === false ? 'off' : defaultValue === true ? 'on' : String(defaultValue);
  return `${cli.help} (default: ${cli.defaultHelp ?? shown})`;
}

/** Column of the comments in the config file sample. */
const COMMENT_COLUMN = 34;

function sampleLine(yaml: string, comment: string | undefined): string {
  return comment === undefined ? yaml : `${yaml.padEnd(COMMENT_COLUMN)}# ${comment}`.trimEnd();
}

/** A default as YAML: `null`, `[]`, `{}`, `vote`, `30000`. */
function yamlValue(value: unknown): string {
  return value === null || typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function fileComment(spec: FieldSpec<unknown>): string {
  return spec.fileHelp ?? (spec.cli === null ? 'file only' : flagOf(spec.cli));
}

/**
 * The lines of one key of the config file sample, a group with everything inside it. Comments of
 * nested keys are indented like the keys, so they read as details of the group's comment.
 */
function sampleLines(name: string, entry: FieldSpec<unknown> | FieldGroup<Fields>, depth: number): string[] {
  const key = `${'  '.repeat(depth + 1)}${name}:`;
  const commentIndent = '  '.repeat(Math.max(depth - 1, 0));
  if (!isFieldGroup(entry)) return [sampleLine(`${key} ${yamlValue(entry.default)}`, commentIndent + fileComment(entry))];
  const comment = entry.fileHelp === undefined ? undefined : commentIndent + entry.fileHelp;
  return [sampleLine(key, comment), ...Object.entries(entry.fields).flatMap(([child, inner]) => sampleLines(child, inner, depth + 1))];
}

const TOP_LEVEL = Object.entries(NODE_FIELDS);
const TOP_LEVEL_KEYS = TOP_LEVEL.filter(([, entry]) => !isFieldGroup(entry)).map(([name]) => name);
const GROUPS = TOP_LEVEL.filter(([, entry]) => isFieldGroup(entry));

/** After the options in --help: the config file, with the blocks that only it can spell out, and examples. */
export const HELP_FOOTER = `
Config file (--config swarm.yaml or swarm.json): keys are the flags in camelCase
(${TOP_LEVEL_KEYS.join(', ')}),
plus ${GROUPS.map(([name]) => `a ${name}: block`).join(' and ')} (shown with its defaults; some settings exist only there):
${GROUPS.flatMap(([name, group]) => sampleLines(name, group, 0)).join('\n')}
Flags override the file; the file overrides the defaults.

Examples:
  local-swarm --auto
  local-swarm --model ./models/model.gguf --instances 5 --strategy weighted_vote
  local-swarm --config swarm.yaml --port 18000 --log-level debug
  local-swarm --auto --federation --peer 192.168.1.20:${DEFAULT_SETTINGS.port} --no-discovery --mode vote`;
