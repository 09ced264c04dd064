import type { Schemas } from '@hdld/spec';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../auth/policy.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { bodyFilesOf } from '../http/body-files.js';
import { idempotencyOf } from '../http/idempotent-request.js';
import { preferredWaitSeconds } from '../http/prefer-wait.js';
import { ProblemError, renderProblem } from '../http/problem.js';
import { languageOf } from '../http/request-context.js';
import type { Platform } from '../platform.js';
import type { JsonValue } from '../storage/json.js';
import { transactionView } from '../transactions/transaction-view.js';
import { acceptSubmissions, type ItemOutcome } from './accept-submission.js';
import type { Acknowledgement } from './acknowledgement.js';
import { awaitFinalTransaction } from './await-outcome.js';
import {
  contractPackage,
  convertedPaperPackage,
  itemSha256,
  lifecyclePackage,
} from './packages-from-requests.js';
import type { SubmissionPackage } from './submission-package.js';

/** Aborts when the connection closes before the response was sent: the client went away. */
function whileConnected(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  // After a response, 'close' is routine (and an abort's DOMException costs ~0.1 ms).
  reply.raw.once('close', () => {
    if (!reply.raw.writableEnded) controller.abort();
  });
  return controller.signal;
}

type Post<Body, Params = unknown> = FastifyRequest<{ Body: Body; Params: Params }>;

/** A single submission answers 202 when new, 200 when it repeats one already received. */
function singleResponse(outcomes: ItemOutcome[]): { status: number; body: JsonValue } {
  const [outcome] = outcomes;
  if (!outcome?.ok) throw outcome?.problem ?? new ProblemError('INTERNAL_ERROR');
  return { status: outcome.created ? 202 : 200, body: outcome.acknowledgement as unknown as JsonValue };
}

export function submissionHandlers(platform: Platform) {
  const accept = async (
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
        submittedBy: actorOf(principal),
        receivedAt: platform.now(),
      },
      packages,
      respond,
      idempotencyOf(request),
    );
    platform.pipeline.wake();
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return result;
  };

  /** 202 with its acknowledgement, or 201 with the transaction once final within `Prefer: wait`. */
  const submitOne = async (request: FastifyRequest, reply: FastifyReply, pkg: SubmissionPackage) => {
    const result = await accept(request, reply, [pkg], singleResponse);
    // A retry with the same key gets its first answer again (idempotency), not a wait.
    if (result.status !== 202 || result.replayed) return reply.code(result.status).send(result.body);
    const { transactionId, statusUrl } = result.body as unknown as Acknowledgement;
    reply.header('location', statusUrl);
    const waitSeconds = preferredWaitSeconds(request.headers.prefer);
    const final =
      waitSeconds > 0 &&
      (await awaitFinalTransaction(platform, transactionId, waitSeconds * 1000, whileConnected(reply)));
    if (!final) return reply.code(202).send(result.body);
    return reply.code(201).send(transactionView(final, languageOf(request)));
  };

  return {
    /** N1, F7, T5: one signed contract with its main data, evidence and transaction log. */
    async submitContract(request: Post<Schemas['ContractSubmission']>, reply: FastifyReply) {
      return submitOne(
        request,
        reply,
        contractPackage(request.body, request.bodySha256!, bodyFilesOf(request)),
      );
    },

    /** T5: up to 50 contracts; every item gets its own transaction id (or problem) at once. */
    async submitContractBatch(request: Post<Schemas['BatchSubmission']>, reply: FastifyReply) {
      const lang = languageOf(request);
      const items = request.body.items;
      const files = bodyFilesOf(request);
      const packages = items.map((item, i) =>
        contractPackage(item, itemSha256(item, files), files, `/items/${i}`),
      );
      const result = await accept(request, reply, packages, (outcomes) => ({
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
      return reply.code(result.status).send(result.body);
    },

    /** N5, Decree Art. 9.3: appendix, amendment, supplement, suspension, resumption or termination. */
    async submitLifecycleDocument(
      request: Post<Schemas['LifecycleSubmission'], { contractId: string }>,
      reply: FastifyReply,
    ) {
      const contract = await platform.storage.contracts.findById(request.params.contractId);
      if (!contract) throw new ProblemError('CONTRACT_NOT_FOUND');
      authorize(principalOf(request), 'contract.submitLifecycle', contract);
      const pkg = lifecyclePackage(
        request.params.contractId,
        request.body,
        request.bodySha256!,
        bodyFilesOf(request),
      );
      return submitOne(request, reply, pkg);
    },

    /** DOMAIN.md core flow step 3, Decree Art. 9.2: a paper contract converted to a data message. */
    async submitConvertedPaperContract(
      request: Post<Schemas['ConvertedPaperSubmission']>,
      reply: FastifyReply,
    ) {
      return submitOne(
        request,
        reply,
        convertedPaperPackage(request.body, request.bodySha256!, bodyFilesOf(request)),
      );
    },
  };
}
