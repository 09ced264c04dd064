/**
 * Submit one signed contract, wait for its national ID and verify the Platform's receipt (N1-N3, F9).
 * The PDF, evidence and log come from your eContract (or the document toolkit: buildContractPdf,
 * signPdf, buildCertificationEvidence in `@hdld/sdk/documents`).
 */
import { readFile } from 'node:fs/promises';
import { createHdldClient, validateLocally } from '@hdld/sdk';
import type { ContractMainData, Schemas } from '@hdld/spec';

const client = createHdldClient({
  baseUrl: process.env.HDLD_URL ?? 'http://127.0.0.1:8080',
  // private_key_jwt: the key you registered with the Platform. The SDK fetches and refreshes tokens.
  credentials: { clientId: 'prov-econtract-demo', privateKey: await readFile('provider-key.pem', 'utf8') },
  lang: 'vi',
});

const pdf = new Uint8Array(await readFile('HD-2026-000123.pdf'));
const evidence = new Uint8Array(await readFile('HD-2026-000123.p7m'));
const mainData = JSON.parse(await readFile('HD-2026-000123.json', 'utf8')) as ContractMainData;
const transactionLog = JSON.parse(
  await readFile('HD-2026-000123.log.json', 'utf8'),
) as Schemas['TransactionLog'];

// The Platform's own checks, offline, before anything is sent (identity excepted).
const trust = {
  ca: [new Uint8Array(await readFile('trust/ca.der'))],
  tsa: [new Uint8Array(await readFile('trust/tsa.der'))],
};
const local = await validateLocally({ pdf, mainData, evidence, trust, fileName: 'HD-2026-000123.pdf' });
if (!local.ok) throw new Error(local.errors.map((e) => `${e.code}: ${e.detail}`).join('\n'));

const ack = await client.submitContract({
  providerReference: 'HD-2026-000123',
  pdf,
  mainData,
  evidence,
  transactionLog,
});
const result = await client.waitForResult(ack.transactionId, { timeoutMs: 120_000 });
if (result.status === 'SUCCEEDED') {
  const receipt = await client.verifyReceipt(result);
  console.log(`ID ${result.contractId} (${receipt.outcome})`);
} else {
  console.log(
    `${result.failureClass}:`,
    result.errors.map((e) => e.code),
  );
}
