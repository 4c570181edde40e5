import { doctorCheck, type DoctorCheck } from './doctor-check';
import { parseIpRoute } from './parse-ip-route';
import { parseProcNetRoute } from './parse-proc-net-route';
import { carriesMulticast, type RouteEntry } from './route-entry';

/** Where the routing table comes from; each reader returns null when it cannot read. Tests pass text. */
export interface RouteTableSources {
  /** `process.platform`: only Linux is checked. */
  readonly platform: string;
  /** The text of `/proc/net/route`. */
  readonly readProcNetRoute: () => string | null;
  /** The output of `ip -4 route show table all`, tried when /proc/net/route cannot be read. */
  readonly readIpRoute: () => string | null;
  /** The kernel's byte order (`os.endianness()`). Default 'LE'. */
  readonly endianness?: 'LE' | 'BE';
}

const ID = 'multicast-route';

/**
 * Whether mDNS packets (224.0.0.251) leave through `interfaceName`: Linux needs a route for
 * 224.0.0.0/4 on it, or a default route on it (which carries multicast too). Without one, sends
 * fail or go out of another interface and the machines never hear each other.
 */
export function checkMulticastRoute(interfaceName: string | null, sources: RouteTableSources): DoctorCheck {
  if (sources.platform !== 'linux') {
    return doctorCheck(ID, 'ok', `multicast route not checked on ${sources.platform} (Linux only)`);
  }
  if (interfaceName === null) {
    return doctorCheck(ID, 'warn', 'multicast route not checked: the bind address has no interface', {
      hint: 'give --host an address of the LAN interface',
    });
  }
  const routes = readRoutes(sources);
  if (routes === null) {
    return doctorCheck(ID, 'warn', 'multicast route not checked: neither /proc/net/route nor `ip route` could be read', {
      hint: `check by hand: ip route get 224.0.0.251 (it should say "dev ${interfaceName}")`,
    });
  }
  const onInterface = routes.filter((route) => route.interfaceName === interfaceName && carriesMulticast(route));
  if (onInterface.length > 0) {
    const kind = onInterface.some((route) => route.mask !== 0) ? 'a 224.0.0.0/4 route' : 'its default route';
    return doctorCheck(ID, 'ok', `multicast leaves through ${interfaceName} (${kind})`);
  }
  const elsewhere = [...new Set(routes.filter(carriesMulticast).map((route) => route.interfaceName))];
  const where = elsewhere.length > 0 ? `; multicast goes out of ${elsewhere.join(', ')} instead` : '';
  return doctorCheck(ID, 'fail', `no 224.0.0.0/4 route and no default route on ${interfaceName}${where}`, {
    hint: `add one: sudo ip route add 224.0.0.0/4 dev ${interfaceName}`,
  });
}

function readRoutes(sources: RouteTableSources): RouteEntry[] | null {
  const proc = sources.readProcNetRoute();
  if (proc !== null) return parseProcNetRoute(proc, sources.endianness ?? 'LE');
  const ip = sources.readIpRoute();
  return ip === null ? null : parseIpRoute(ip);
}
