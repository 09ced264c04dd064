import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../auth/policy.js';
import { principalOf } from '../auth/principal.js';
import { ProblemError } from '../http/problem.js';
import type { Platform } from '../platform.js';
import { contractView } from './contract-view.js';

type ContractRequest = FastifyRequest<{ Params: { contractId: string } }>;
type DocumentRequest = FastifyRequest<{ Params: { contractId: string; documentId: string } }>;

export function contractHandlers(platform: Platform) {
  const { storage } = platform;
  const visibleContract = async (request: ContractRequest) => {
    const contract = await storage.contracts.findById(request.params.contractId);
    if (!contract) throw new ProblemError('CONTRACT_NOT_FOUND');
    authorize(principalOf(request), 'contract.read', contract);
    return contract;
  };
  return {
    /** S1.1, F6, F10: a contract under its ID with every document and its lifecycle history. */
    async getContract(request: ContractRequest) {
      const contract = await visibleContract(request);
      const [source, lifecycle, documents] = await Promise.all([
        storage.transactions.findById(contract.sourceTransactionId),
        storage.transactions.listSucceededLifecycle(contract.id),
        storage.documents.listByContract(contract.id),
      ]);
      return contractView(contract, source, lifecycle, documents);
    },

    /** S1.2: the bytes of one document, as stored (content-addressed: the ETag is its SHA-256). */
    async downloadDocument(request: DocumentRequest, reply: FastifyReply) {
      const contract = await visibleContract(request);
      const document = await storage.documents.findById(request.params.documentId);
      if (!document || document.contractId !== contract.id) throw new ProblemError('DOCUMENT_NOT_FOUND');
      authorize(principalOf(request), 'document.read', contract);
      const bytes = await platform.blobs.get(document.blobKey);
      if (!bytes) throw new Error(`blob ${document.blobKey} of document ${document.id} is missing`);
      return reply
        .type(document.mediaType)
        .header('etag', `"${document.sha256}"`)
        .header('repr-digest', `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`)
        .header(
          'content-disposition',
          `attachment; filename="${encodeURIComponent(document.fileName ?? document.kind)}"`,
        )
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  };
}
