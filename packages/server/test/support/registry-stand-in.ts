import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** PEM files of a test CA, the stand-in's server certificate (127.0.0.1) and the Platform's client certificate. */
export type RegistryCerts = {
  dir: string;
  caFile: string;
  certFile: string;
  keyFile: string;
  ca: string;
  serverCert: string;
  serverKey: string;
};

/** openssl req arguments for a fresh unencrypted P-256 key. */
const NEW_P256_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

async function issue(dir: string, name: string, subject: string, extensions: string): Promise<void> {
  const at = (ext: string) => join(dir, `${name}.${ext}`);
  await writeFile(at('ext'), `${extensions}\n`);
  await run('openssl', ['req', ...NEW_P256_KEY, '-keyout', at('key'), '-out', at('csr'), '-subj', subject]);
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    at('csr'),
    '-CA',
    join(dir, 'ca.pem'),
    '-CAkey',
    join(dir, 'ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-out',
    at('pem'),
    '-extfile',
    at('ext'),
  ]);
}

/** A throwaway PKI made with openssl: the registries' mTLS in tests. */
export async function createRegistryCerts(): Promise<RegistryCerts> {
  const dir = await mkdtemp(join(tmpdir(), 'hdld-registry-tls-'));
  await run('openssl', [
    'req',
    '-x509',
    ...NEW_P256_KEY,
    '-keyout',
    join(dir, 'ca.key'),
    '-out',
    join(dir, 'ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=Test National Registry CA',
  ]);
  await issue(dir, 'server', '/CN=registry.test', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth');
  await issue(dir, 'client', '/CN=hdld Platform', 'extendedKeyUsage=clientAuth');
  const text = (file: string) => readFile(join(dir, file), 'utf8');
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    certFile: join(dir, 'client.pem'),
    keyFile: join(dir, 'client.key'),
    ca: await text('ca.pem'),
    serverCert: await text('server.pem'),
    serverKey: await text('server.key'),
  };
}

/** How the stand-in answers now: from its records, with 503, or not at all (a hung registry). */
export type StandInMode = 'normal' | 'unavailable' | 'hang';

export type RegistryStandIn = {
  url: string;
  /** Records by path without the leading slash: `citizens/0790…`, `passports/M…`, `enterprises/0101…`. */
  records: Map<string, unknown>;
  mode: StandInMode;
  /** The requests received, path by path, in order. */
  requests: string[];
  /** Answers the next `n` requests in mode `hang`, then goes back to `mode`. */
  hangNext(n: number): void;
  close(): Promise<void>;
};

const json = (response: ServerResponse, status: number, body: unknown) =>
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/**
 * A stand-in for the National Population Database and the National Business Registration Portal,
 * speaking the protocol of docs/identity-registries.md over HTTPS, and refusing any client without a
 * certificate of the test CA (mTLS).
 */
export async function startRegistryStandIn(certs: RegistryCerts): Promise<RegistryStandIn> {
  let hanging = 0;
  const held: ServerResponse[] = [];
  const standIn: RegistryStandIn = {
    url: '',
    records: new Map(),
    mode: 'normal',
    requests: [],
    hangNext(n) {
      hanging = n;
    },
    async close() {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server: Server = createServer(
    {
      cert: certs.serverCert,
      key: certs.serverKey,
      ca: certs.ca,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (request, response) => {
      const path = decodeURIComponent((request.url ?? '/').slice(1));
      standIn.requests.push(path);
      const mode = hanging > 0 ? 'hang' : standIn.mode;
      if (hanging > 0) hanging -= 1;
      if (mode === 'hang') return void held.push(response);
      if (mode === 'unavailable') return json(response, 503, { status: 'UNAVAILABLE' });
      const record = standIn.records.get(path);
      if (record === undefined) return json(response, 404, { status: 'NOT_FOUND' });
      json(response, 200, record);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return standIn;
}
