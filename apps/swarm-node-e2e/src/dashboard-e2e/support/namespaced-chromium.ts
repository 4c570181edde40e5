import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (tools/scripts/setup.sh installs it); Playwright never downloads a browser here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags that work on these machines (closed network, root, no GPU): without the background
 * networking ones Chromium keeps trying to reach Google's hosts.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why Chromium cannot run, or null when it can. */
export function chromiumMissingReason(): string | null {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return null;
  } catch {
    return (
      `Chromium is not installed at ${CHROMIUM_PATH}: the dashboard's browser tests need Debian's chromium. ` +
      'Run `bash tools/scripts/setup.sh` (it installs it with apt-get) or `apt-get install -y chromium`.'
    );
  }
}

export interface NamespacedBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium inside a network namespace, driven from this process. Playwright
 * talks to the browser over a pipe (--remote-debugging-pipe, fds 3 and 4), and `ip netns exec`
 * keeps those fds, so a one-line wrapper moves the browser into the namespace: it reaches the
 * LAN's nodes while the test process, in the root namespace, still drives it.
 */
export async function launchChromiumIn(namespace: string): Promise<NamespacedBrowser> {
  const missing = chromiumMissingReason();
  if (missing !== null) throw new Error(missing);
  if (!/^[A-Za-z0-9_.-]+$/.test(namespace)) throw new Error(`unexpected namespace name ${namespace}`);
  const dir = mkdtempSync(join(tmpdir(), 'ls-dashboard-chromium-'));
  const wrapper = join(dir, 'chromium-in-netns');
  writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${namespace} ${CHROMIUM_PATH} "$@"\n`, { mode: 0o755 });
  try {
    const browser = await chromium.launch({ executablePath: wrapper, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    return {
      browser,
      close: async () => {
        await browser.close().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
