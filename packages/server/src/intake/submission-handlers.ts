import type { Schemas } from '@hdld/spec';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../auth/policy.js';
import { principalOf } from '../auth/security-handlers.js';
import { idempotencyOf } from '../http/idempotent-request.js';
import { ProblemError, renderProblem } from '../http/problem.js';
import { languageOf } from '../http/request-context.js';
import type { Platform } from '../platform.js';
import type { JsonValue } from '../storage/json.js';
import { acceptSubmissions, type ItemOutcome } from './accept-submission.js';
import {
  contractPackage,
  convertedPaperPackage,
  itemSha256,
  lifecyclePackage,
} from './packages-from-requests.js';
import type { SubmissionPackage } from './submission-package.js';

type Post<Body, Params = unknown> = FastifyRequest<{ Body: Body; Params: Params }>;

/** A single submission answers 202 when new, 200 when it repeats one already received. */
function singleResponse(outcomes: ItemOutcome[]): { status: number; body: JsonValue } {
  const [outcome] = outcomes;
  if (!outcome?.ok) throw outcome?.problem ?? new ProblemError('INTERNAL_ERROR');
  return { status: outcome.created ? 202 : 200, body: outcome.acknowledgement as unknown as JsonValue };
}

export function submissionHandlers(platform: Platform) {
  const submit = async (
    request: FastifyRequest,
    reply: FastifyReply,
    packages: SubmissionPackage[],
    respond: (outcomes: ItemOutcome[]) => { status: number; body: JsonValue },
  ) => {
    const principal = principalOf(request);
    authorize(principal, 'transaction.submit');
    if (principal.kind !== 'provider') throw new ProblemError('FORBIDDEN');
    const result = await acceptSubmissions(
      {
        storage: platform.storage,
        blobs: platform.blobs,
        providerId: principal.providerId,
        receivedAt: platform.now(),
      },
      packages,
      respond,
      idempotencyOf(request),
    );
    platform.pipeline.wake();
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).send(result.body);
  };

  return {
    /** N1, F7, T5: one signed contract with its main data, evidence and transaction log. */
    async submitContract(request: Post<Schemas['ContractSubmission']>, reply: FastifyReply) {
      return submit(request, reply, [contractPackage(request.body, request.bodySha256!)], singleResponse);
    },

    /** T5: up to 50 contracts; every item gets its own transaction id (or problem) at once. */
    async submitContractBatch(request: Post<Schemas['BatchSubmission']>, reply: FastifyReply) {
      const lang = languageOf(request);
      const items = request.body.items;
      const packages = items.map((item, i) => contractPackage(item, itemSha256(item), `/items/${i}`));
      return submit(request, reply, packages, (outcomes) => ({
        status: 202,
        body: {
          items: outcomes.map((outcome, index) => ({
            index,
            providerReference: items[index]!.providerReference,
            ...(outcome.ok
              ? { acknowledgement: outcome.acknowledgement }
              : { problem: renderProblem(outcome.problem, { lang, requestId: String(request.id) }) }),
          })),
        } as unknown as JsonValue,
      }));
    },

    /** N5, Decree Art. 9.3: appendix, amendment, supplement, suspension, resumption or termination. */
    async submitLifecycleDocument(
      request: Post<Schemas['LifecycleSubmission'], { contractId: string }>,
      reply: FastifyReply,
    ) {
      const contract = await platform.storage.contracts.findById(request.params.contractId);
      if (!contract) throw new ProblemError('CONTRACT_NOT_FOUND');
      authorize(principalOf(request), 'contract.submitLifecycle', contract);
      const pkg = lifecyclePackage(request.params.contractId, request.body, request.bodySha256!);
      return submit(request, reply, [pkg], singleResponse);
    },

    /** DOMAIN.md core flow step 3, Decree Art. 9.2: a paper contract converted to a data message. */
    async submitConvertedPaperContract(
      request: Post<Schemas['ConvertedPaperSubmission']>,
      reply: FastifyReply,
    ) {
      return submit(
        request,
        reply,
        [convertedPaperPackage(request.body, request.bodySha256!)],
        singleResponse,
      );
    },
  };
}
