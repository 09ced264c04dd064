import { createHash, randomUUID } from 'node:crypto';
import type { Repositories } from '../../src/storage/repositories.js';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export async function insertProvider(repos: Repositories, id = `prov-${randomUUID().slice(0, 8)}`) {
  return repos.providers.insert({
    id,
    name: `Provider ${id}`,
    clientId: `client-${id}`,
    clientSecretHash: 'scrypt$test$hash',
    contactEmail: `ops@${id}.example`,
  });
}

export async function insertTransaction(
  repos: Repositories,
  providerId: string,
  reference: string = randomUUID(),
) {
  const { transaction } = await repos.transactions.insert({
    providerId,
    providerReference: reference,
    kind: 'CONTRACT',
    payloadSha256: sha256Hex(`payload ${reference}`),
    documentSha256: sha256Hex(`document ${reference}`),
    request: { mainData: { employer: { name: 'Công ty TNHH Ví Dụ' } } },
  });
  return transaction;
}

/** A stored contract with a syntactically valid but fixed-pattern ID (issuance is tested in test/ids). */
export async function insertContract(repos: Repositories, providerId: string, id: string) {
  const transaction = await insertTransaction(repos, providerId);
  const { contract } = await repos.contracts.insertUnlessDocumentKnown({
    id,
    providerId,
    origin: 'ELECTRONIC',
    documentSha256: transaction.documentSha256!,
    mainData: { employee: { fullName: 'Nguyễn Văn A' } },
    issuedAt: new Date('2026-03-01T03:00:00Z'),
    late: false,
    sourceTransactionId: transaction.id,
  });
  return { contract, transaction };
}
