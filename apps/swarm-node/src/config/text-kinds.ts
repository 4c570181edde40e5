import { isIP } from 'node:net';
import { dirname, isAbsolute, join } from 'node:path';
import type { ValueKind } from './field-spec';

/** "hf:org/repo/file.gguf", "https://…": a URI, not a path (two letters at least, so `C:\` is a path). */
const URI_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

function nonEmptyText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function ipAddress(value: unknown): string | undefined {
  const text = nonEmptyText(value);
  return text !== undefined && isIP(text) !== 0 ? text : undefined;
}

/** An IPv4 or IPv6 address (a host name is not: the node must know which interface it binds). */
export const ipAddresses: ValueKind<string> = { expected: 'an IP address', fromCli: ipAddress, fromFile: ipAddress };

/**
 * A file path or a URI. In a config file a relative path is taken relative to the file's folder,
 * like paths in most config files.
 */
export const pathsOrUris: ValueKind<string> = {
  expected: 'a non-empty string',
  fromCli: nonEmptyText,
  fromFile: (value, configPath) => {
    const text = nonEmptyText(value);
    if (text === undefined) return undefined;
    return URI_SCHEME.test(text) || isAbsolute(text) ? text : join(dirname(configPath), text);
  },
};

/** A string matching `pattern` as it is (no trimming): `expected` says what that is in words. */
export function matching(pattern: RegExp, expected: string): ValueKind<string> {
  const check = (value: unknown): string | undefined => (typeof value === 'string' && pattern.test(value) ? value : undefined);
  return { expected, fromCli: check, fromFile: check };
}
