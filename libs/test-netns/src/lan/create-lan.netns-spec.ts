import { spawnSync } from 'node:child_process';
import { netnsUnavailableReason } from '../availability/netns-available';
import { createLan, type Lan } from './create-lan';

/**
 * Builds a real 2-host LAN of network namespaces. Needs root and iproute2: run with
 * `npx nx run test-netns:test-netns`. Nothing here touches the machine's own interfaces.
 */
const unavailable = netnsUnavailableReason();

function namespaceExists(name: string): boolean {
  const listed = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout ?? '';
  return listed.split('\n').some((line) => line.split(/\s+/)[0] === name);
}

describe('createLan (real namespaces)', () => {
  if (unavailable !== null) {
    it('needs network namespaces', () => {
      throw new Error(`cannot run: ${unavailable}`);
    });
    return;
  }

  let lan: Lan | undefined;
  let hasPing = false;

  /** One ICMP echo from one host to another's address, 1 s timeout (falls back to TCP without ping). */
  async function reaches(from: number, to: number): Promise<boolean> {
    if (lan === undefined) throw new Error('no LAN');
    const target = lan.host(to).address;
    if (hasPing) {
      const result = await lan.run(from, 'ping', ['-c1', '-W1', target], { timeoutMs: 5_000 });
      return result.code === 0;
    }
    const probe = `const s=require('net').connect(7777,'${target}');s.setTimeout(1000,()=>process.exit(1));s.on('data',()=>process.exit(0));s.on('error',()=>process.exit(1))`;
    const result = await lan.run(from, process.execPath, ['-e', probe], { timeoutMs: 5_000 });
    return result.code === 0;
  }

  beforeAll(async () => {
    lan = await createLan({ hosts: ['a', 'b'] });
    hasPing = (await lan.run('a', 'sh', ['-c', 'command -v ping'])).code === 0;
    if (!hasPing) {
      // Without ping, a tiny TCP server on each host answers the fallback probe.
      for (const host of lan.hosts) {
        const server = `require('net').createServer((s)=>s.end('ok')).listen(7777,'${host.address}')`;
        lan.exec(host, process.execPath, ['-e', server], { stdio: 'ignore' });
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });

  afterAll(async () => {
    await lan?.destroy();
  });

  it('makes the hosts and the hub with the planned names and addresses', async () => {
    if (lan === undefined) throw new Error('no LAN');
    expect(lan.hosts.map((h) => h.address)).toEqual([`${lan.subnet}.1`, `${lan.subnet}.2`]);
    for (const name of [lan.hub, ...lan.hosts.map((h) => h.name)]) expect(namespaceExists(name)).toBe(true);
    const a = lan.host('a');
    const shown = await lan.run(a, 'ip', ['-o', '-4', 'addr', 'show', 'dev', a.iface]);
    expect(shown.stdout).toContain(`${a.address}/24`);
    const routes = await lan.run(a, 'ip', ['route', 'show']);
    expect(routes.stdout).toContain(`224.0.0.0/4 dev ${a.iface}`);
    const lo = await lan.run(a, 'ip', ['-o', 'link', 'show', 'lo']);
    expect(lo.stdout).toMatch(/state UNKNOWN|UP/);
  });

  it('lets a host reach the other across the bridge', async () => {
    expect(await reaches(0, 1)).toBe(true);
    expect(await reaches(1, 0)).toBe(true);
  });

  it('linkDown cuts the host off and linkUp heals it', async () => {
    if (lan === undefined) throw new Error('no LAN');
    await lan.linkDown('b');
    expect(await reaches(0, 1)).toBe(false);
    await lan.linkUp('b');
    // The bridge port needs a moment to forward again.
    let healed = false;
    for (let attempt = 0; attempt < 10 && !healed; attempt += 1) healed = await reaches(0, 1);
    expect(healed).toBe(true);
  });

  it('run() reports exit code and output; exec() children are killed by destroy()', async () => {
    const current = lan;
    if (current === undefined) throw new Error('no LAN');
    const result = await current.run('a', 'sh', ['-c', 'echo out; echo err >&2; exit 3']);
    expect(result).toMatchObject({ code: 3, stdout: 'out\n', stderr: 'err\n' });

    const sleeper = current.exec('b', 'sleep', ['600']);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => sleeper.once('exit', (_code, signal) => resolve(signal)));
    const names = [current.hub, ...current.hosts.map((h) => h.name)];
    await current.destroy();
    lan = undefined;
    expect(await exited).toBe('SIGKILL');
    for (const name of names) expect(namespaceExists(name)).toBe(false);
    expect(() => current.exec('a', 'true')).toThrow(/destroyed/);
  });
});
