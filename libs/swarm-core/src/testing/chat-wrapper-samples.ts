import { execFileSync } from 'node:child_process';
import type { FunctionCallSettings } from '../tools/tool-call-syntax';

/** What a node-llama-cpp chat wrapper says about calls, and two calls as it writes them. */
export interface ChatWrapperSample {
  /** `settings.functions`, as JSON (each LlamaText in its JSON form). */
  readonly functions: FunctionCallSettings;
  /** `get_weather({ unit: "c", city: "Paris" })` in the wrapper's syntax. */
  readonly weatherCall: string;
  /** `now()` without arguments in the wrapper's syntax. */
  readonly emptyCall: string;
}

/**
 * Real wrappers' call syntax for the unit specs, from node-llama-cpp itself (no model needed).
 * Read in a child process: node-llama-cpp is ESM with top-level await, which jest's CommonJS
 * runtime cannot load.
 */
export function chatWrapperSamples<Name extends string>(wrapperClassNames: readonly Name[]): Record<Name, ChatWrapperSample> {
  const script = `
    import * as lib from 'node-llama-cpp';
    const samples = {};
    for (const name of ${JSON.stringify(wrapperClassNames)}) {
      const wrapper = new lib[name]();
      samples[name] = {
        functions: wrapper.settings.functions,
        weatherCall: wrapper.generateFunctionCall('get_weather', { unit: 'c', city: 'Paris' }).toString(),
        emptyCall: wrapper.generateFunctionCall('now', undefined).toString(),
      };
    }
    process.stdout.write(JSON.stringify(samples));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: __dirname, encoding: 'utf8' });
  return JSON.parse(output) as Record<Name, ChatWrapperSample>;
}
