import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PEM key and certificate for a test server. */
export interface TestServerCertificate {
  readonly key: string;
  readonly cert: string;
}

/** A certificate authority made for one test file with the `openssl` CLI, in a temporary folder. */
export interface TestCertificateAuthority {
  /** The CA certificate (PEM): what a client given `tls: { ca }` trusts. */
  readonly ca: string;
  /** A server certificate signed by this CA for `subjectAltName` (e.g. `IP:127.0.0.1`, `DNS:other.example`). */
  issue(subjectAltName: string): TestServerCertificate;
  /** A self-signed certificate for `subjectAltName`, signed by no CA anyone trusts. */
  selfSigned(subjectAltName: string): TestServerCertificate;
  /** Removes the temporary folder. */
  dispose(): void;
}

const KEY_OPTIONS = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2'];

/**
 * Creates the CA. Without the `openssl` CLI it throws a clear error: a TLS spec that silently
 * skipped would prove nothing.
 */
export function createTestCertificateAuthority(): TestCertificateAuthority {
  const dir = mkdtempSync(join(tmpdir(), 'local-swarm-tls-'));
  let serial = 0;
  const file = (name: string): string => join(dir, name);
  const read = (name: string): TestServerCertificate => ({ key: readFileSync(file(`${name}.key`), 'utf8'), cert: readFileSync(file(`${name}.pem`), 'utf8') });
  openssl(['req', '-x509', ...KEY_OPTIONS, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-subj', '/CN=Local Swarm test CA']);
  return {
    ca: readFileSync(file('ca.pem'), 'utf8'),
    issue(subjectAltName) {
      const name = `issued-${++serial}`;
      openssl(['req', ...KEY_OPTIONS, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', '/CN=Local Swarm test server']);
      writeFileSync(file(`${name}.ext`), `subjectAltName=${subjectAltName}\nbasicConstraints=CA:FALSE\n`);
      openssl(['x509', '-req', '-in', file(`${name}.csr`), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-days', '2', '-extfile', file(`${name}.ext`), '-out', file(`${name}.pem`)]);
      return read(name);
    },
    selfSigned(subjectAltName) {
      const name = `self-signed-${++serial}`;
      openssl(['req', '-x509', ...KEY_OPTIONS, '-keyout', file(`${name}.key`), '-out', file(`${name}.pem`), '-subj', '/CN=Local Swarm stranger', '-addext', `subjectAltName=${subjectAltName}`]);
      return read(name);
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function openssl(args: readonly string[]): void {
  try {
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error: unknown) {
    const missing = (error as { code?: unknown }).code === 'ENOENT';
    const detail = missing ? 'the openssl CLI is not installed (needed to generate test certificates)' : `openssl ${args[0] ?? ''} failed: ${String((error as { stderr?: unknown }).stderr ?? error)}`;
    throw new Error(detail);
  }
}
