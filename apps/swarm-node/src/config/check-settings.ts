import { configError, ConfigErrorCode, type ConfigError } from './config-error';
import type { ConfigSource, ConfigSources, SettableConfig, SettableKey } from './node-config';
import { FIELD_SPECS, flagName, SETTABLE_KEYS } from './settable-fields';

export type CheckSettingsResult =
  | { readonly ok: true; readonly settings: SettableConfig }
  | { readonly ok: false; readonly error: ConfigError };

/**
 * The rules between settings, once flags, file and defaults are merged: each value alone was
 * checked by its field, these look at two together. May adjust a default to fit the others.
 */
export function checkSettings(settings: SettableConfig, sources: ConfigSources, configFile: string | null): CheckSettingsResult {
  // A federation flag on a node that will not federate is a mistake, not a preset (a config
  // file's federation block may be kept while federation is off, flags may not).
  if (!settings['federation.enabled']) {
    const stray = SETTABLE_KEYS.find((key) => FIELD_SPECS[key].cli?.requiresFederation === true && sources[key] === 'cli');
    if (stray !== undefined) {
      return { ok: false, error: configError(ConfigErrorCode.CONFLICT, `${flagName(stray)} requires --federation`) };
    }
  }

  // A reply can never be longer than the context; the default shrinks to fit a small context,
  // an explicit value that cannot fit is the user's mistake to hear about.
  const { maxTokensLimit, contextSize } = settings;
  if (maxTokensLimit <= contextSize) return { ok: true, settings };
  if (sources.maxTokensLimit === 'default') return { ok: true, settings: { ...settings, maxTokensLimit: contextSize } };
  const label = (key: SettableKey, source: ConfigSource): string => {
    if (source === 'cli') return flagName(key);
    if (source === 'file') return `"${key}" in ${configFile ?? 'the config file'}`;
    return `the default ${flagName(key)}`;
  };
  return {
    ok: false,
    error: configError(
      ConfigErrorCode.CONFLICT,
      `${label('maxTokensLimit', sources.maxTokensLimit)} (${maxTokensLimit}) must not exceed ` +
        `${label('contextSize', sources.contextSize)} (${contextSize})`,
    ),
  };
}
