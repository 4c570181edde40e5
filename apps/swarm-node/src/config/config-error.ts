/**
 * Error catalog of the node's configuration. Codes are stable; `message` is ONE line starting with
 * `error: ` (commander's own style), ready to print before exiting with code 2.
 */
export const ConfigErrorCode = {
  /** A flag or key has a value outside its type or range. */
  INVALID_VALUE: 'CONFIG_ERR_INVALID_VALUE',
  /** Two settings contradict each other (e.g. maxTokensLimit > contextSize). */
  CONFLICT: 'CONFIG_ERR_CONFLICT',
  /** Commander rejected the command line: unknown option, missing argument, stray argument. */
  BAD_COMMAND_LINE: 'CONFIG_ERR_BAD_COMMAND_LINE',
  /** The config file has a key this version does not know. */
  UNKNOWN_KEY: 'CONFIG_ERR_UNKNOWN_KEY',
  /** The config file could not be read. */
  FILE_UNREADABLE: 'CONFIG_ERR_FILE_UNREADABLE',
  /** The config file is not valid JSON/YAML, or not a mapping at the top. */
  FILE_SYNTAX: 'CONFIG_ERR_FILE_SYNTAX',
  /** The config file's extension is neither .json, .yaml nor .yml. */
  FILE_FORMAT: 'CONFIG_ERR_FILE_FORMAT',
} as const;

export type ConfigErrorCode = (typeof ConfigErrorCode)[keyof typeof ConfigErrorCode];

export interface ConfigError {
  readonly code: ConfigErrorCode;
  /** One line, starting with `error: `. */
  readonly message: string;
}

export function configError(code: ConfigErrorCode, detail: string): ConfigError {
  const oneLine = detail.replace(/^error:\s*/, '').replace(/\s*\n\s*/g, ' ').trim();
  return { code, message: `error: ${oneLine}` };
}
