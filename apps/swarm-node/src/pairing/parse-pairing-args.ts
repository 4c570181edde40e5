/** The options of `key` and `peers` subcommands: where the keys and the block list live. */
export interface PairingArgs {
  readonly words: readonly string[];
  readonly configDir: string | null;
  readonly keyFile: string | null;
}

export type PairingArgsResult = ({ readonly ok: true } & PairingArgs) | { readonly ok: false; readonly message: string };

const VALUE_FLAGS = { '--config-dir': 'configDir', '--swarm-key-file': 'keyFile' } as const;

/** Splits `[--config-dir <path>] [--swarm-key-file <path>] words...`; any other flag is an error. */
export function parsePairingArgs(argv: readonly string[]): PairingArgsResult {
  const words: string[] = [];
  const values: { configDir: string | null; keyFile: string | null } = { configDir: null, keyFile: null };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const [flag = '', inline] = arg.split(/=(.*)/s, 2);
    if (!(flag in VALUE_FLAGS)) return { ok: false, message: `unknown option ${flag}` };
    const value = inline ?? argv[(index += 1)];
    if (value === undefined || value.trim() === '') return { ok: false, message: `${flag} needs a path` };
    values[VALUE_FLAGS[flag as keyof typeof VALUE_FLAGS]] = value;
  }
  return { ok: true, words, ...values };
}
