/**
 * The script each smoke project runs against the installed tarball: every entry point imported the
 * way a consumer would (`import` from .mjs, `require` from .cjs) and used for something real. It
 * prints one JSON line of results; any failure exits non-zero.
 */
export function smokeScript(format: 'esm' | 'cjs'): string {
  const load =
    format === 'esm'
      ? `import { createServer } from 'node:http';
import { composeContractId, createHdldClient, HdldNotFoundError, isValidContractId, SDK_VERSION, syncBatch } from '@hdld/sdk';
import { signPdf, verifyPdf } from '@hdld/sdk/documents';
import { loadContractFonts } from '@hdld/sdk/node';
import { createSamplePdf, createTestPki, createTestTsa } from '@hdld/sdk/testing';
`
      : `const { createServer } = require('node:http');
const { composeContractId, createHdldClient, HdldNotFoundError, isValidContractId, SDK_VERSION, syncBatch } = require('@hdld/sdk');
const { signPdf, verifyPdf } = require('@hdld/sdk/documents');
const { loadContractFonts } = require('@hdld/sdk/node');
const { createSamplePdf, createTestPki, createTestTsa } = require('@hdld/sdk/testing');
`;
  return `${load}
const TX_ID = '0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e';
const check = (ok, what) => { if (!ok) throw new Error('smoke check failed: ' + what); };

/** A loopback Platform: token, one transaction, a 404 problem, and a 202 for a contract. */
function platform(seen) {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body });
      const json = (status, value, type = 'application/json') => {
        response.writeHead(status, { 'content-type': type });
        response.end(JSON.stringify(value));
      };
      if (request.url === '/v1/oauth/token') return json(200, { access_token: 'smoke', token_type: 'Bearer', expires_in: 600 });
      if (request.url === '/v1/transactions/' + TX_ID)
        return json(200, { transactionId: TX_ID, kind: 'CONTRACT', status: 'SUCCEEDED', providerReference: 'HD-1', contractId: composeContractId(2026, 1), receivedAt: '2026-03-02T08:15:30Z', payloadSha256: 'a'.repeat(64), late: false, replay: false, errors: [] });
      if (request.url === '/v1/contracts' && request.method === 'POST')
        return json(202, { transactionId: TX_ID, kind: 'CONTRACT', receivedAt: '2026-03-02T08:15:30Z', payloadSha256: 'a'.repeat(64), providerReference: JSON.parse(body).providerReference, status: 'RECEIVED', statusUrl: '/v1/transactions/' + TX_ID });
      json(404, { type: 'about:blank', title: 'Not found', status: 404, code: 'TRANSACTION_NOT_FOUND' }, 'application/problem+json');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  // @hdld/sdk: contract IDs (F9) and the typed client over HTTP.
  const contractId = composeContractId(2026, 123456);
  check(isValidContractId(contractId) && !isValidContractId('2604173920581640'), 'contract ID check digits');
  const seen = [];
  const server = await platform(seen);
  const client = createHdldClient({ baseUrl: 'http://127.0.0.1:' + server.address().port, credentials: { clientId: 'smoke', clientSecret: 'smoke' } });
  try {
    const transaction = await client.transactions.get(TX_ID);
    check(transaction.status === 'SUCCEEDED' && isValidContractId(transaction.contractId), 'transaction read');
    const missing = await client.transactions.get('00000000-0000-7000-8000-000000000000').catch((error) => error);
    check(missing instanceof HdldNotFoundError && missing.code === 'TRANSACTION_NOT_FOUND', 'typed 404 error');
    const ack = await client.submissions.submitContract({ providerReference: 'HD-SMOKE-1', documents: [] });
    const post = seen.find((r) => r.method === 'POST' && r.url === '/v1/contracts');
    check(ack.status === 'RECEIVED' && /^[0-9a-f-]{36}$/.test(post.headers['idempotency-key']), 'submission with an idempotency key');
    check(post.headers['user-agent'].startsWith('hdld-sdk/' + SDK_VERSION), 'user-agent');
    check(post.headers.authorization === 'Bearer smoke', 'token sent');
    const items = [1, 2, 3].map((i) => ({ providerReference: 'HD-SMOKE-B' + i, load: async () => ({ providerReference: 'HD-SMOKE-B' + i, documents: [] }) }));
    const summary = await syncBatch(client, items, { concurrency: 2, waitForOutcomes: false });
    check(summary.counts.acknowledged === 3, 'syncBatch acknowledged every item');
  } finally {
    server.close();
  }

  // @hdld/sdk/node: the DejaVu fonts resolved from the installed dependency.
  const fonts = await loadContractFonts();
  check(fonts.regular.byteLength > 100000 && fonts.bold.byteLength > 100000, 'fonts loaded');

  // @hdld/sdk/testing + @hdld/sdk/documents: sign a sample PDF with the test PKI (PAdES B-T), verify it.
  const pki = await createTestPki();
  const tsa = createTestTsa({ certificate: pki.tsa.certificate, intermediates: [pki.intermediate.certificate], key: pki.tsa.privateKey });
  const signed = await signPdf(await createSamplePdf(), pki.employer.signer, { tsa });
  const report = await verifyPdf(signed, { trust: { ca: [pki.root.certificate], tsa: [pki.root.certificate] } });
  check(report.indication === 'TOTAL_PASSED', 'signed sample verifies: ' + report.indication);

  console.log(JSON.stringify({ format: '${format}', contractId, sdk: SDK_VERSION, requests: seen.length, indication: report.indication, signedBytes: signed.byteLength }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;
}
