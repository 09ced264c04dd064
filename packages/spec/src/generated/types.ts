// GENERATED FILE - DO NOT EDIT.
// Source: packages/spec/openapi/**. Edit the spec, then run `pnpm gen` (CI fails when this file drifts).
export interface paths {
    "/v1/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get an access token (OAuth2 client credentials)
         * @description Issues a short-lived Bearer access token to a registered provider (DOMAIN.md T16, S2.4; Decree
         *     337/2025 Art. 7.1.g, 15.2) or Ministry operator. Authenticate a provider with `private_key_jwt`
         *     (RFC 7523: a JWT signed with the provider's registered key in `client_assertion`), the preferred
         *     method and the only one in production; a provider's `client_id` + `client_secret` is accepted
         *     in the sandbox only. Operators send their `client_id` + `client_secret`; their token carries
         *     the `operator` role and the `operations` scope.
         *     Failures are problem documents (`CLIENT_AUTH_FAILED`, `REQUEST_INVALID`) rather than RFC 6749
         *     `error` objects. A suspended or disconnected provider gets `403`.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who am I
         * @description Who the access token belongs to (DOMAIN.md T3, T4, T17): its kind and role, its data scope
         *     (`provider`: its own data only; `nation`: every provider's, Ministry operators) and its ids.
         *     A provider also gets its own profile with its connection status (N8, S2.3), so an integration
         *     can check it is connected, and as whom, before it submits. A suspended or disconnected
         *     provider is refused like on any other call (`PROVIDER_SUSPENDED`, `PROVIDER_DISCONNECTED`).
         */
        get: operations["getCaller"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a signed electronic labor contract
         * @description Sends one contract signed in the provider's eContract (DOMAIN.md N1, F7, S2.1, T5-T8; Decree
         *     337/2025 Art. 7, 13.1): main data, signed PDF(s) as base64, certification evidence and transaction
         *     log. Limits: request body 16 MiB (`PAYLOAD_TOO_LARGE`), each document 10 MiB decoded.
         *
         *     The Platform answers `202` at once with a transaction id; the checks (T9: schema, files,
         *     signatures and timestamps, certification evidence, identity against the National Population
         *     Database, labor rules; N2, F8) and the ID issuance (N3, F9) follow asynchronously, and the outcome
         *     is read with `getTransaction` (T10), or awaited in the same call with `Prefer: wait=N` (`201`
         *     with the final transaction when it is ready within N seconds). Send it within 24 hours of the
         *     last signature, or it is flagged `SUBMISSION_LATE`. Resubmitting the same contract is answered with the existing ID
         *     (`replay`, with `duplicateOfReference`). Other content under a provider reference already used is
         *     `409 DUPLICATE_PROVIDER_REFERENCE`, except a corrected package for a FAILED transaction whose
         *     re-push an operator approved (F36, F37): it becomes a new transaction that `supersedes` the failed
         *     one, which keeps its history and names it as `supersededBy`. Use an `Idempotency-Key` to retry safely: same key and body give the first answer
         *     again (status and body, with `Idempotent-Replayed: true`), same key and another body
         *     `409 IDEMPOTENCY_KEY_REUSED`.
         */
        post: operations["submitContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit up to 50 contracts at once
         * @description Batch form of `submitContract` (DOMAIN.md T5, F7, S2.1): up to 50 `ContractSubmission` items and
         *     32 MiB per request (`413 BATCH_TOO_LARGE` otherwise). Each item is acknowledged independently,
         *     in request order, with its own transaction id (or a `problem` when the item itself is refused at
         *     intake, for example `REQUEST_INVALID`); outcomes follow asynchronously per transaction (T10).
         *     The `Idempotency-Key` covers the whole batch.
         */
        post: operations["submitContractBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/converted-paper-contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a converted paper labor contract
         * @description Sends a labor contract concluded on paper and converted to a data message, with its conversion
         *     log (Decree 337/2025 Art. 9.2.a, 13.1.b; DOMAIN.md core flow step 3, N1). It is checked (seal
         *     signature and timestamp, conversion log, identity, labor rules) and gets an ID like an electronic
         *     contract; later e-documents are then attached to that ID with `submitLifecycleDocument`.
         *     Same limits, idempotency and asynchronous outcome as `submitContract`.
         */
        post: operations["submitConvertedPaperContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{contractId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a contract by its ID
         * @description The contract's state (F10), origin, current main data (N4), documents and lifecycle history
         *     (N5), as stored by the Platform (DOMAIN.md S1.1, S2.2). A provider sees the contracts it
         *     submitted (T4, T17).
         */
        get: operations["getContract"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{contractId}/lifecycle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach a lifecycle document to a contract
         * @description Sends an appendix, amendment, supplement, suspension, resumption or termination concluded
         *     electronically for an existing contract; it is attached to the same ID (Decree 337/2025 Art. 9.1,
         *     9.3; DOMAIN.md N5, F10). The contract must exist (`404 CONTRACT_NOT_FOUND`); whether the transition
         *     is allowed in its state (`LIFECYCLE_TRANSITION_INVALID`) and the signature checks are part of the
         *     asynchronous outcome. A paper contract must first be converted (`CONTRACT_NOT_CONVERTED`, Art. 9.2).
         *     Same limits and idempotency as `submitContract`.
         */
        post: operations["submitLifecycleDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{contractId}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a stored document of a contract
         * @description The bytes of a contract document: signed PDFs, the certification evidence (CMS), the
         *     transaction or conversion log (JSON) (DOMAIN.md S1.2). `ETag` and `Digest` carry its SHA-256,
         *     equal to `ContractDocument.sha256`; `If-None-Match` with that ETag answers `304`.
         */
        get: operations["downloadDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the provider's transactions
         * @description The provider's transaction history, newest first, with cursor pagination (DOMAIN.md T10, F35,
         *     N8 "sync history"): follow `nextCursor` until it is null or absent. Filters combine with AND;
         *     `receivedFrom` is inclusive, `receivedTo` exclusive. A provider sees only its own transactions.
         */
        get: operations["listTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transactions/by-reference/{providerReference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the latest transaction for a provider reference
         * @description Looks a transaction up by the provider's own reference, with no expiry (DOMAIN.md T10, S2.1):
         *     useful when the acknowledgement was lost. When a reference was submitted several times (for
         *     example resubmitted after a failure), the most recent transaction is returned; list them all
         *     with `listTransactions?providerReference=`.
         */
        get: operations["getTransactionByReference"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transactions/{transactionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a transaction's status and outcome
         * @description Returns the status and outcome of a submission (DOMAIN.md T10, F7 "query processing status"):
         *     RECEIVED or PROCESSING (poll again after `retryAfterSeconds`), SUCCEEDED with the `contractId`
         *     (F9), or FAILED with its `failureClass` and the catalog `errors` (T9), plus the signed `receipt`
         *     and per-signature `signatures` results (N2). Providers see only their own transactions.
         */
        get: operations["getTransaction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transactions/{transactionId}/repush": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Push an approved failed transaction again
         * @description Processes a FAILED transaction again from its stored submission, once an operator approved its
         *     explanation (DOMAIN.md F36, F37): it goes back to RECEIVED with `explanationStatus` REPUSHED,
         *     and the time and the provider's client id are recorded on the explanation. Poll
         *     `getTransaction` for the new outcome; a new failure makes it AWAITING_EXPLANATION again. Any
         *     other transaction is refused with `REPUSH_NOT_APPROVED`; repeating a re-push that is under way
         *     or done answers `200` with the transaction. Another provider's transaction answers
         *     `TRANSACTION_NOT_FOUND`.
         */
        post: operations["repushTransaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reconcile provider transactions for a period
         * @description The reconciliation report of DOMAIN.md F35: per provider, the transactions received in
         *     `[from, to)` (by `receivedAt`; both optional) and where they stand now: not yet processed
         *     (RECEIVED), processing, succeeded and failed, failures by catalog code, how many failed ones
         *     await an explanation (F36), and the provider's logged API calls. `transactionsUrl` and
         *     `failedTransactionsUrl` drill down through `listTransactions`. A Ministry operator sees every
         *     provider (or the one in `providerId`); a provider sees itself only, whatever it passes.
         */
        get: operations["getReconciliation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/explanations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List explanations of failed transactions
         * @description Explanations of failed transactions and their decisions, newest first, with cursor pagination
         *     (DOMAIN.md F36, F37). A Ministry operator sees every provider's (or those of `providerId`); a
         *     provider sees its own only. Filter by `state` (e.g. PENDING: the operator's queue) or by a
         *     transaction.
         */
        get: operations["listExplanations"];
        put?: never;
        /**
         * Explain failed transactions
         * @description A provider explains one or many of its FAILED transactions so that they may be pushed again
         *     (DOMAIN.md F36): a text and optional small attachments. Each listed transaction must await an
         *     explanation (`explanationStatus` AWAITING_EXPLANATION, or REJECTED before), otherwise the whole
         *     request is refused with `TRANSACTION_NOT_AWAITING_EXPLANATION`; another provider's transaction
         *     answers `TRANSACTION_NOT_FOUND`. The explanation is PENDING until an operator decides
         *     (`decideExplanation`); its transactions become PENDING_APPROVAL.
         */
        post: operations["createExplanation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/explanations/{explanationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an explanation with its attachments
         * @description One explanation, its transactions (with when and by whom each was pushed again), its decision
         *     and its attachments with their content (DOMAIN.md F36, F37). Another provider's explanation
         *     answers `EXPLANATION_NOT_FOUND`; operators see every explanation.
         */
        get: operations["getExplanation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/explanations/{explanationId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or reject an explanation (operator)
         * @description A Ministry operator approves or rejects a PENDING explanation with a reason (DOMAIN.md F37).
         *     Approved, its transactions become APPROVED and may be pushed again (`repushTransaction`);
         *     rejected, they become REJECTED and the provider may explain again. The decision is recorded
         *     with the operator's id and the time. Repeating the same decision answers the explanation as
         *     it is; the opposite decision is refused with `EXPLANATION_ALREADY_DECIDED`. Providers get
         *     `FORBIDDEN`.
         */
        post: operations["decideExplanation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List registered providers (operator)
         * @description The provider registry for Ministry operators (DOMAIN.md N8, F12, S2.3): every provider with its
         *     contact, connection status, capabilities and authentication methods, by name. Filter by
         *     `status`. Providers get `FORBIDDEN`; they read their own profile with `getProvider`.
         */
        get: operations["listProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/providers/{providerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a provider's profile and status history
         * @description A provider's profile in the registry with its connection status history, oldest first, each
         *     change with its reason, operator and time (DOMAIN.md N8, F12, S2.3). Operators read any
         *     provider; a provider reads only itself (`PROVIDER_NOT_FOUND` otherwise).
         */
        get: operations["getProvider"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/providers/{providerId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend, restore or disconnect a provider (operator)
         * @description A Ministry operator changes a provider's connection status with a reason (DOMAIN.md N8, F12;
         *     Decree 337/2025 Art. 15.4): ACTIVE → SUSPENDED or DISCONNECTED, SUSPENDED → ACTIVE (restored)
         *     or DISCONNECTED; DISCONNECTED is final (`PROVIDER_STATUS_TRANSITION_INVALID`). The change is
         *     kept in the provider's history with the operator and the time. From then on (within a few
         *     seconds on every server) a SUSPENDED provider's calls are refused with `PROVIDER_SUSPENDED`
         *     and a DISCONNECTED one's with `PROVIDER_DISCONNECTED`, tokens included. Asking for the current
         *     status changes nothing. Providers get `FORBIDDEN`.
         */
        post: operations["changeProviderStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/providers/{providerId}/technical-info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a provider's callback URL and IP allow-list (operator)
         * @description A Ministry operator records a provider's technical information (DOMAIN.md N8 "technical info:
         *     key/certificate, callback, IP allow-list", S2.3): the HTTPS callback URL receiving signed
         *     transaction results (F4; http is accepted in the sandbox only) and the CIDRs its calls must
         *     come from. Both are replaced. From then on (within a few seconds on every server) calls and
         *     token requests from other addresses are refused with `IP_NOT_ALLOWED`. A malformed CIDR or URL
         *     is refused with `REQUEST_INVALID` and changes nothing. Providers get `FORBIDDEN`.
         */
        put: operations["updateProviderTechnicalInfo"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/providers/{providerId}/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a new webhook secret
         * @description Makes a new secret for signing the provider's webhooks (DOMAIN.md F4) and returns it this
         *     once; the Platform keeps it sealed and never shows it again. It replaces the previous secret at
         *     once: deliveries still waiting are signed with the new one. Webhooks are sent only to a
         *     provider with both a callback URL and a secret. A Ministry operator may make one for any
         *     provider, a provider for itself (`PROVIDER_NOT_FOUND` for another one). Each call makes a new
         *     secret: an Idempotency-Key is accepted but a secret is never replayed.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public list of connected providers
         * @description The providers currently connected to the Platform (status ACTIVE), name and integration
         *     capabilities only, for the public pages (DOMAIN.md F30, N14). No authentication.
         */
        get: operations["listPublicProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List notifications sent to providers
         * @description The e-mails (connection suspended, restored or terminated: DOMAIN.md F39, Decree 337/2025
         *     Art. 15.4; explanation approved or rejected: F37) and webhooks (transaction results: F4) the
         *     Platform sends providers, with their delivery status, newest first, with cursor pagination
         *     (T14). Each is recorded in the same database transaction as its event and delivered from a
         *     durable outbox: at least once, with a Message-ID (or Hdld-Webhook-Id) that stays the same on
         *     every retry; a message whose event committed is never lost. Without an SMTP server configured
         *     e-mails stay PENDING here. A Ministry operator sees every provider's (or those of
         *     `providerId`); a provider sees its own only.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provider-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List monthly reports of providers
         * @description Providers' monthly reports on their eContract service (DOMAIN.md F33; Decree 337/2025 Art.
         *     25.6), the latest version of each, newest first, with cursor pagination. A Ministry operator
         *     sees every provider's (filter by `providerId`, `period`, `timeliness`); a provider sees its own
         *     only, whatever it passes. Reports never sent are not listed: `getProviderReportTracking`
         *     shows who is MISSING.
         */
        get: operations["listProviderReports"];
        put?: never;
        /**
         * Send the monthly report on the eContract service
         * @description A provider sends its monthly report on its eContract service through the Platform (Decree
         *     337/2025 Art. 25.6; DOMAIN.md F33): the month's figures, a free text and, optionally, the
         *     result of a technical audit of its data message certification service with the audit report
         *     (PDF, at most 10 MiB, with its SHA-256). The month must have ended; the report is due before
         *     the 30th of the next month (00:00 on the 30th, Vietnam time, exclusive; 00:00 on 1 March when
         *     that month is February). Sent later it is accepted and marked LATE.
         *
         *     One report per provider and month: the same content sent again answers `200` with the report
         *     as stored (a retry); other content is refused with `PROVIDER_REPORT_CONFLICT` unless
         *     `replacesVersion` names the latest version, which makes a new version (`201`) and keeps the
         *     earlier ones. Timeliness stays that of the first version. Operators get `FORBIDDEN`.
         */
        post: operations["submitProviderReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provider-reports/tracking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Track who sent the monthly report on a month
         * @description For one month, every provider that owes the monthly report on it (registered before the month
         *     ended, not disconnected before it began) and where its report stands on the Platform's clock
         *     (DOMAIN.md F33; Decree 337/2025 Art. 25.6): ON_TIME, LATE, MISSING (deadline passed, none
         *     sent) or DUE. Filter by `providerId` and `timeliness`. A provider sees its own line only.
         */
        get: operations["getProviderReportTracking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provider-reports/{reportId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a monthly report with its audit file
         * @description One version of a provider's monthly report (DOMAIN.md F33), with the technical audit report's
         *     content. `latestVersion` tells whether it was corrected since. Another provider's report
         *     answers `PROVIDER_REPORT_NOT_FOUND`; operators see every report.
         */
        get: operations["getProviderReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/violation-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List monthly violations reports
         * @description The monthly reports of violating providers (DOMAIN.md F38), every version, newest first, with
         *     cursor pagination; filter by `period`. A Ministry operator sees every line (or those of
         *     `providerId`); a provider sees its own line only (none when it broke no rule), whatever it
         *     passes.
         */
        get: operations["listViolationReports"];
        put?: never;
        /**
         * Make the violations report on a month (operator)
         * @description The Platform makes the report of violating providers on each month by itself on the 1st of the
         *     next month, 00:00 Vietnam time (Asia/Ho_Chi_Minh, UTC+7) (DOMAIN.md F38); this operation lets
         *     a Ministry operator ask for it on demand, for a month that has ended (default: the month
         *     before the current one). When the month has a report, it is returned as it is (`200`) unless
         *     `regenerate` is true, which makes a new version from today's data with the current thresholds
         *     (`201`) and keeps the earlier ones. Concurrent requests for the same month make one report.
         *     Each provider connected during the month is checked against the rules (`ViolationRule`) with
         *     the thresholds recorded in the report. Providers get `FORBIDDEN`.
         */
        post: operations["generateViolationReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/violation-reports/{reportId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a violations report
         * @description One version of a monthly violations report (DOMAIN.md F38) with its thresholds, and per
         *     violating provider the month's figures, the rules broken and what operators did about it.
         *     `latestVersion` tells whether it was made again since. A provider sees its own line only.
         */
        get: operations["getViolationReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/violation-reports/{reportId}/providers/{providerId}/action": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend or disconnect a provider from the report (operator)
         * @description From a violations report, a Ministry operator suspends or disconnects one of its providers with
         *     a reason (DOMAIN.md F38; Decree 337/2025 Art. 15.4). This is the same change as
         *     `changeProviderStatus`: it is kept in the provider's status history, the provider is notified
         *     (F39) and its calls are refused from then on (`PROVIDER_SUSPENDED`, `PROVIDER_DISCONNECTED`).
         *     The step is also recorded on the report's line with the operator and the time. Repeating it
         *     changes nothing; a disconnected provider cannot be suspended
         *     (`PROVIDER_STATUS_TRANSITION_INVALID`). Providers get `FORBIDDEN`.
         */
        post: operations["actOnViolation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandbox/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the sandbox clock
         * @description The sandbox Platform's current time and its offset from real time (DOMAIN.md S2.4 "test
         *     environment"). Refused with `SANDBOX_ONLY` outside sandbox mode.
         */
        get: operations["getSandboxClock"];
        put?: never;
        /**
         * Move the sandbox clock
         * @description Moves the sandbox Platform's clock forward (`advanceSeconds`) or sets its offset from real time
         *     (`offsetSeconds`; 0 resets it), to test the 24-hour rule (`SUBMISSION_LATE`), certificate
         *     expiry and polling (DOMAIN.md S2.4 "test environment"). Refused with `SANDBOX_ONLY` outside
         *     sandbox mode.
         */
        post: operations["advanceSandboxClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandbox/identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register test persons and enterprises in the sandbox identity registries
         * @description The sandbox checks every employee's identity against a local stand-in for the National
         *     Population Database (DOMAIN.md "CSDL dân cư") and every employer's tax code against a local
         *     stand-in for the National Business Registration Portal (F8 identity check). Integrators register
         *     the test persons and enterprises their contracts name here; registering a number or tax code
         *     again replaces its record. The sample employers of `sampleContractMainData` are registered
         *     when the sandbox starts. Refused
         *     with `SANDBOX_ONLY` outside sandbox mode (DOMAIN.md S2.4 "test environment").
         */
        post: operations["registerSandboxIdentities"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The Platform's public keys for receipts (JWKS)
         * @description JSON Web Key Set of the keys that sign transaction receipts (`Transaction.receipt`, a compact
         *     JWS whose payload is a `Receipt`), so that providers and third parties can verify an outcome
         *     offline (DOMAIN.md F9, S2.2). Cacheable; refetch on an unknown `kid`.
         */
        get: operations["getPlatformKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness probe */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness probe (database and blob store reachable) */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    transactionCompleted: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A transaction reached its final state (sent by the Platform)
         * @description Posted by the Platform to the provider's callback URL (`updateProviderTechnicalInfo`) when one
         *     of its transactions becomes SUCCEEDED or FAILED (DOMAIN.md F4 "sync result", T10, T14), once
         *     the provider also has a webhook secret (`rotateWebhookSecret`). The delivery is recorded in the
         *     same database transaction as the outcome and retried with exponential backoff until a 2xx
         *     answer (at least once; redirects are not followed). To accept it:
         *
         *     1. Compute HMAC-SHA256, keyed with the webhook secret, of `<t>.<raw body>` where `t` is the
         *        `t=` value of `Hdld-Signature`, and compare it in constant time with each `v1=` value (hex).
         *     2. Refuse a `t` more than a few minutes from your clock (replays).
         *     3. Drop a `Hdld-Webhook-Id` you already handled; answer 2xx quickly and work asynchronously.
         *
         *     `verifyWebhook({ payload, header, secret })` of @hdld/sdk does steps 1 and 2.
         */
        post: operations["transactionCompleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** @description RFC 9457 problem details, extended with the catalog `code`, field `errors` and the request id. */
        Problem: {
            /**
             * Format: uri
             * @description URI identifying the problem type; one per catalog code.
             */
            type: string;
            /** @description Short, localized summary of the problem type. */
            title: string;
            status: number;
            /** @description Localized explanation specific to this occurrence. */
            detail?: string;
            instance?: string;
            code: components["schemas"]["ErrorCode"];
            /** @description Per-field (or per-PDF location) details (T9). */
            errors?: components["schemas"]["ProblemDetailItem"][];
            requestId?: string;
            /** @description For transient problems, when to try again. */
            retryAfterSeconds?: number;
        };
        ProblemDetailItem: {
            code: components["schemas"]["ErrorCode"];
            detail: string;
            /**
             * @description ERROR when absent. A WARNING (for example `SUBMISSION_LATE`) does not fail the transaction.
             * @enum {string}
             */
            severity?: "ERROR" | "WARNING";
            /** @description RFC 6901 JSON pointer into the request body, for example `/mainData/employee/dateOfBirth`. */
            pointer?: string;
            /** @description Location inside a PDF document, for signature and file problems. */
            location?: {
                document?: string;
                page?: number;
                field?: string;
            };
        };
        /**
         * @description Stable code from the error catalog (`x-error-catalog`). Codes are never reused.
         * @enum {string}
         */
        ErrorCode: "TRANSACTION_NOT_FOUND" | "REQUEST_INVALID" | "UNAUTHENTICATED" | "INTERNAL_ERROR" | "TOKEN_INVALID" | "TOKEN_EXPIRED" | "CLIENT_AUTH_FAILED" | "FORBIDDEN" | "RATE_LIMITED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "IDEMPOTENCY_KEY_REUSED" | "IDEMPOTENCY_KEY_IN_USE" | "CONTRACT_NOT_FOUND" | "DOCUMENT_NOT_FOUND" | "BATCH_TOO_LARGE" | "DUPLICATE_PROVIDER_REFERENCE" | "MAIN_DATA_INVALID" | "MAIN_DATA_MISMATCH" | "LABOR_TERM_INVALID" | "EMPLOYEE_UNDERAGE" | "DOCUMENT_MISSING" | "FILE_TYPE_NOT_ALLOWED" | "FILE_TOO_LARGE" | "PDF_MALFORMED" | "PDF_TOO_MANY_PAGES" | "PDF_NOT_SIGNED" | "SIGNATURE_INVALID" | "SIGNATURE_DIGEST_MISMATCH" | "SIGNATURE_BYTERANGE_INVALID" | "SIGNATURE_MODIFIED_AFTER_SIGNING" | "SIGNATURE_PARTY_MISMATCH" | "SIGNATURE_PARTY_MISSING" | "CERTIFICATE_UNTRUSTED" | "CERTIFICATE_EXPIRED" | "CERTIFICATE_REVOKED" | "CERTIFICATE_USAGE_INVALID" | "TIMESTAMP_MISSING" | "TIMESTAMP_INVALID" | "TIMESTAMP_UNTRUSTED" | "REVOCATION_UNAVAILABLE" | "EVIDENCE_INVALID" | "EVIDENCE_DOCUMENT_MISMATCH" | "CONVERSION_LOG_INVALID" | "IDENTITY_NOT_FOUND" | "IDENTITY_MISMATCH" | "EMPLOYER_NOT_FOUND" | "EMPLOYER_MISMATCH" | "EMPLOYER_INACTIVE" | "IDENTITY_REGISTRY_UNAVAILABLE" | "LIFECYCLE_TRANSITION_INVALID" | "CONTRACT_NOT_CONVERTED" | "PROVIDER_SUSPENDED" | "PROVIDER_DISCONNECTED" | "ROUTE_NOT_FOUND" | "SANDBOX_ONLY" | "SERVICE_UNAVAILABLE" | "SUBMISSION_LATE" | "EXPLANATION_NOT_FOUND" | "PROVIDER_NOT_FOUND" | "TRANSACTION_NOT_AWAITING_EXPLANATION" | "EXPLANATION_ALREADY_DECIDED" | "REPUSH_NOT_APPROVED" | "PROVIDER_STATUS_TRANSITION_INVALID" | "PROVIDER_REPORT_NOT_FOUND" | "PROVIDER_REPORT_CONFLICT" | "REPORTING_PERIOD_NOT_ENDED" | "ATTACHMENT_DIGEST_MISMATCH" | "VIOLATION_REPORT_NOT_FOUND" | "IP_NOT_ALLOWED" | "PROCESSING_FAILED";
        /** @description A submission and its outcome. It can be looked up by id or provider reference, with no expiry. */
        Transaction: {
            /** Format: uuid */
            transactionId: string;
            /** @description The provider that submitted it (operators see every provider's transactions). */
            providerId?: string;
            kind: components["schemas"]["TransactionKind"];
            status: components["schemas"]["TransactionStatus"];
            failureClass?: components["schemas"]["FailureClass"];
            /** @description For a failed transaction, where its explanation and re-push stand (F36, F37); NONE otherwise. */
            explanationStatus?: components["schemas"]["ExplanationStatus"];
            /** @description The provider's own reference for the contract or document. */
            providerReference: string;
            /** @description The ID issued (or, on replay, the existing ID; for LIFECYCLE, the contract's ID). */
            contractId?: components["schemas"]["ContractId"];
            /** Format: date-time */
            receivedAt: string;
            /** Format: date-time */
            completedAt?: string;
            payloadSha256: components["schemas"]["Sha256"];
            /** @description Submitted more than 24 hours after the last party signed. */
            late: boolean;
            /** @description The same contract was already registered; `contractId` is the existing ID. */
            replay: boolean;
            /**
             * @description On replay, the provider reference under which this provider registered the contract (F9). Absent
             *     when the contract was registered by another provider, whose references are not shown.
             */
            duplicateOfReference?: components["schemas"]["ProviderReference"];
            /**
             * Format: uuid
             * @description This transaction is a corrected package for the failed transaction named here, sent under the
             *     same provider reference after its re-push was approved (F36, F37).
             */
            supersedes?: string;
            /**
             * Format: uuid
             * @description This failed transaction was replaced by a corrected package under the same provider reference
             *     (F36, F37): the transaction named here. It stays FAILED, with explanation status REPUSHED, as history.
             */
            supersededBy?: string;
            /** @description Problems found (T9); empty on success. Warnings (`severity` WARNING, e.g. `SUBMISSION_LATE`) do not fail the transaction. */
            errors: components["schemas"]["ProblemDetailItem"][];
            /**
             * @description Compact JWS (RFC 7515) signed by the Platform whose payload is a `Receipt`; present once the
             *     transaction is SUCCEEDED or FAILED. Verify it with `/.well-known/jwks.json`.
             */
            receipt?: string;
            /** @description For `kind` LIFECYCLE, the kind of document. */
            lifecycleType?: components["schemas"]["LifecycleType"];
            /** @description For `kind` LIFECYCLE, the contract ID the document is attached to (Decree 337/2025 Art. 9.3). */
            targetContractId?: components["schemas"]["ContractId"];
            /**
             * Format: date-time
             * @description Time of the last party's signature (the contract takes effect then, Decree 337/2025 Art. 8); basis of `late`.
             */
            lastSignedAt?: string;
            /** @description While RECEIVED or PROCESSING, when to poll again. */
            retryAfterSeconds?: number;
            /** @description Per-signature verification results (N2, F8), once signatures were checked. */
            signatures?: components["schemas"]["VerificationReport"][];
        };
        /**
         * @description Processing status of a submission (T10).
         * @enum {string}
         */
        TransactionStatus: "RECEIVED" | "PROCESSING" | "SUCCEEDED" | "FAILED";
        /**
         * @description Why a transaction failed (T10): format, business, file or signature error.
         * @enum {string}
         */
        FailureClass: "FORMAT" | "BUSINESS" | "FILE" | "SIGNATURE";
        /** @enum {string} */
        TransactionKind: "CONTRACT" | "LIFECYCLE" | "CONVERTED_PAPER";
        /**
         * @description National contract ID (F9): 16 digits; the first two are the issuing year, the next twelve a keyed
         *     permutation of a sequence, the last two ISO 7064 MOD 97-10 check digits (the number mod 97 is 1).
         *     Displayed as 4-4-4-4.
         * @example 2604173920581648
         */
        ContractId: string;
        /**
         * @description SHA-256 digest, lowercase hexadecimal.
         * @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
         */
        Sha256: string;
        /**
         * ContractMainData
         * @description Main content of a labor contract, as Decree 337/2025 Art. 13.1.c requires (after Decree 145/2020):
         *     employer, employee, job position, contract term and pay (DOMAIN.md T6: the field dictionary).
         *     Dates are ISO 8601 calendar dates; money is an integer number of Vietnamese đồng.
         * @example {
         *       "contractNumber": "123/2026/HĐLĐ",
         *       "concludedOn": "2026-03-01",
         *       "employer": {
         *         "name": "Công ty TNHH Dệt may Sông Hồng",
         *         "taxCode": "0101234567",
         *         "address": "Số 12 phố Lê Duẩn, phường Cửa Nam, Hà Nội",
         *         "provinceCode": "01",
         *         "representative": {
         *           "fullName": "Trần Thị Mai",
         *           "title": "Giám đốc"
         *         }
         *       },
         *       "employee": {
         *         "fullName": "Nguyễn Văn An",
         *         "dateOfBirth": "1995-07-14",
         *         "sex": "MALE",
         *         "residence": "Thôn Đông, xã Phù Đổng, Hà Nội",
         *         "identity": {
         *           "type": "CCCD",
         *           "number": "001095012345"
         *         },
         *         "nationality": "VN"
         *       },
         *       "job": {
         *         "position": "MID_TECHNICAL",
         *         "title": "Kỹ thuật viên bảo trì máy",
         *         "workplace": "Nhà máy Sông Hồng, Khu công nghiệp Quang Minh, Hà Nội"
         *       },
         *       "term": {
         *         "type": "FIXED_TERM",
         *         "startDate": "2026-03-02",
         *         "endDate": "2028-03-01"
         *       },
         *       "pay": {
         *         "salary": 9500000,
         *         "form": "TIME_BASED",
         *         "method": "BANK_TRANSFER",
         *         "period": "MONTHLY",
         *         "allowances": [
         *           {
         *             "name": "Phụ cấp độc hại",
         *             "amount": 500000
         *           }
         *         ],
         *         "otherSupplements": [
         *           {
         *             "name": "Hỗ trợ xăng xe",
         *             "amount": 300000
         *           }
         *         ]
         *       },
         *       "workingTime": {
         *         "hoursPerDay": 8,
         *         "daysPerWeek": 6
         *       },
         *       "socialInsurance": true
         *     }
         */
        ContractMainData: {
            /**
             * @description Number printed on the contract by the parties (Số hợp đồng).
             * @example 123/2026/HĐLĐ
             */
            contractNumber: string;
            /**
             * Format: date
             * @description Date the contract was concluded (ngày giao kết).
             */
            concludedOn: string;
            employer: components["schemas"]["MainDataEmployer"];
            employee: components["schemas"]["MainDataEmployee"];
            job: components["schemas"]["MainDataJob"];
            term: components["schemas"]["MainDataTerm"];
            pay: components["schemas"]["MainDataPay"];
            workingTime?: components["schemas"]["MainDataWorkingTime"];
            /** @description Employee is in compulsory social insurance (feeds locality aggregates, Art. 13.1.d). */
            socialInsurance?: boolean;
        };
        Health: {
            /** @enum {string} */
            status: "ok" | "unavailable";
            checks?: {
                [key: string]: "ok" | "unavailable";
            };
        };
        /**
         * MainDataEmployer
         * @description Employer (người sử dụng lao động).
         */
        MainDataEmployer: {
            name: string;
            /** @description Enterprise/tax code (mã số thuế), 10 digits or 10-3 for a branch. */
            taxCode?: string;
            address: string;
            /** @description Code of the province or centrally-run city of the workplace (34 units since 2025). */
            provinceCode?: string;
            /** @description Person signing for the employer. */
            representative: {
                fullName: string;
                /** @description Title (chức danh), for example Giám đốc. */
                title: string;
            };
        };
        /**
         * MainDataEmployee
         * @description Employee (người lao động).
         */
        MainDataEmployee: {
            fullName: string;
            /** Format: date */
            dateOfBirth: string;
            /**
             * @description Sex as recorded in the National Population Database.
             * @enum {string}
             */
            sex: "MALE" | "FEMALE";
            /** @description Place of residence (nơi cư trú). */
            residence: string;
            /** @description Citizen ID (CCCD, 12 digits), old ID card (CMND, 9 digits) or passport number. */
            identity: {
                /** @enum {string} */
                type: "CCCD" | "CMND" | "PASSPORT";
                /** @description Never logged; masked in every log line. */
                number: string;
            };
            /** @description ISO 3166-1 alpha-2 nationality; VN when omitted. */
            nationality?: string;
        };
        /**
         * MainDataJob
         * @description Job position and title (vị trí việc làm, chức danh), Decree 337/2025 Art. 13.1.c.
         */
        MainDataJob: {
            /**
             * @description Job position (vị trí việc làm) as the statistics of Decree 145/2020 classify it.
             * @enum {string}
             */
            position: "MANAGER" | "HIGH_TECHNICAL" | "MID_TECHNICAL" | "OTHER";
            /** @description Job or title name (chức danh, công việc). */
            title: string;
            workplace?: string;
        };
        /**
         * MainDataTerm
         * @description Contract term (loại hợp đồng). A fixed term lasts at most 36 months (Labor Code Art. 20).
         */
        MainDataTerm: {
            /** @enum {string} */
            type: "INDEFINITE" | "FIXED_TERM" | "UNDER_ONE_MONTH" | "PROBATION";
            /** Format: date */
            startDate: string;
            /**
             * Format: date
             * @description The term's last day (a 24-month term from 2026-03-02 ends on 2028-03-01). Required for FIXED_TERM, UNDER_ONE_MONTH and PROBATION; absent for INDEFINITE.
             */
            endDate?: string;
        };
        /**
         * MainDataPay
         * @description Pay (tiền lương), Decree 337/2025 Art. 13.1.c; Labor Code 2019 Art. 90, 96, 97. Amounts in đồng.
         */
        MainDataPay: {
            /** @description Salary by job or title per pay period, in đồng. */
            salary: number;
            /**
             * @description Form of pay (hình thức trả lương, Labor Code Art. 96).
             * @enum {string}
             */
            form: "TIME_BASED" | "PRODUCT_BASED" | "PIECE_RATE";
            /** @enum {string} */
            method: "CASH" | "BANK_TRANSFER";
            /**
             * @description Pay period (kỳ hạn trả lương).
             * @enum {string}
             */
            period: "HOURLY" | "DAILY" | "WEEKLY" | "BIWEEKLY" | "MONTHLY";
            allowances?: {
                name: string;
                amount: number;
            }[];
            otherSupplements?: {
                name: string;
                amount: number;
            }[];
        };
        /**
         * MainDataWorkingTime
         * @description Working time (thời giờ làm việc), optional; Labor Code 2019 Art. 105.
         */
        MainDataWorkingTime: {
            hoursPerDay?: number;
            daysPerWeek?: number;
            description?: string;
        };
        /**
         * ContractMainDataChanges
         * @description Sections of the main data that an amendment or supplement replaces (Decree 337/2025 Art. 9.1,
         *     13.1.c). Each present section replaces the stored section as a whole; absent sections are kept.
         *     The employee's identity cannot change through an amendment.
         */
        ContractMainDataChanges: {
            employer?: components["schemas"]["MainDataEmployer"];
            job?: components["schemas"]["MainDataJob"];
            term?: components["schemas"]["MainDataTerm"];
            pay?: components["schemas"]["MainDataPay"];
            workingTime?: components["schemas"]["MainDataWorkingTime"];
            socialInsurance?: boolean;
        };
        /**
         * ProviderReference
         * @description The provider's own reference for a contract or a lifecycle document (1-100 characters, unique per
         *     provider and document). Transactions can be looked up by it with no expiry (T10). Reusing a
         *     reference for different content fails with `DUPLICATE_PROVIDER_REFERENCE`, except for a corrected
         *     package of a failed transaction whose re-push was approved (F36, F37), which supersedes it.
         * @example HD-2026-000123
         */
        ProviderReference: string;
        /**
         * IdempotencyKey
         * @description Client-chosen key, 1-255 characters; a UUID is recommended.
         * @example 5f0c8c1e-2a44-4b0e-9d3f-6b1f2a7c9e10
         */
        IdempotencyKey: string;
        /**
         * Base64Document
         * @description Standard base64 (RFC 4648 section 4, with padding) of the file bytes. A decoded document is at
         *     most 10 MiB (10,485,760 bytes); larger files fail with `FILE_TOO_LARGE`, malformed base64 with
         *     `REQUEST_INVALID` (pointing at the field). Both are checked once, while decoding, rather than
         *     by the schema, so a 10 MiB document is not scanned three times.
         * @example JVBERi0xLjcKJcfsj6IK
         */
        Base64Document: string;
        /**
         * SubmittedDocumentRole
         * @description Role of a submitted file. `CONTRACT` is the principal signed document of the submission: the
         *     labor contract itself, the sealed scan of a converted paper contract, or the signed lifecycle
         *     document named by the submission's `type`. `APPENDIX` is a signed appendix concluded together
         *     with it; `OTHER` any related e-document (Decree 337/2025 Art. 13.1.a).
         * @enum {string}
         */
        SubmittedDocumentRole: "CONTRACT" | "APPENDIX" | "OTHER";
        /**
         * SubmittedDocument
         * @description One signed file of a submission (DOMAIN.md T7, F7). v1 accepts PDF only (`FILE_TYPE_NOT_ALLOWED`
         *     otherwise): at most 10 MiB decoded (`FILE_TOO_LARGE`) and 500 pages (`PDF_TOO_MANY_PAGES`).
         * @example {
         *       "role": "CONTRACT",
         *       "fileName": "HD-123-2026.pdf",
         *       "mediaType": "application/pdf",
         *       "contentBase64": "JVBERi0xLjcKJcfsj6IK"
         *     }
         */
        SubmittedDocument: {
            role: components["schemas"]["SubmittedDocumentRole"];
            /**
             * @description File name without a directory part, for display and download.
             * @example HD-123-2026.pdf
             */
            fileName: string;
            /**
             * @description Media type of the file; only `application/pdf` in v1.
             * @enum {string}
             */
            mediaType: "application/pdf";
            contentBase64: components["schemas"]["Base64Document"];
        };
        /**
         * CertificationEvidenceFile
         * @description The provider's data message certification (chứng thực thông điệp dữ liệu, DOMAIN.md T8, N2): a
         *     CMS SignedData (RFC 5652, DER, `application/pkcs7-mime`) signed with the provider's certificate,
         *     whose encapsulated content is a UTF-8 JSON document matching `CertificationEvidence`. At most
         *     1 MiB decoded. Failures: `EVIDENCE_INVALID`, `EVIDENCE_DOCUMENT_MISMATCH`.
         * @example {
         *       "mediaType": "application/pkcs7-mime",
         *       "contentBase64": "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwGggCSABA=="
         *     }
         */
        CertificationEvidenceFile: {
            /**
             * @description Always `application/pkcs7-mime`; may be omitted.
             * @enum {string}
             */
            mediaType?: "application/pkcs7-mime";
            /**
             * @description Base64 of the DER-encoded CMS SignedData, at most 1 MiB decoded (`FILE_TOO_LARGE`; malformed
             *     base64 is `REQUEST_INVALID`, checked while decoding).
             */
            contentBase64: string;
        };
        /**
         * CertificationEvidence
         * @description JSON content of the certification evidence CMS (`CertificationEvidenceFile`): who signed which
         *     documents, when, with which identity and authentication (Decree 337/2025 Art. 7.1.d, 7.2;
         *     DOMAIN.md core flow steps 2 and 4, N2, F8). Every `documents[].sha256` must equal the SHA-256 of
         *     a submitted document and `size` its decoded length (`EVIDENCE_DOCUMENT_MISMATCH`); every
         *     `signers[].certificateSha256` must match a signature in the PDF (`SIGNATURE_PARTY_MISSING`).
         * @example {
         *       "version": 1,
         *       "provider": {
         *         "id": "prov-econtract-demo",
         *         "name": "Công ty Cổ phần Hợp đồng số Việt"
         *       },
         *       "providerReference": "HD-2026-000123",
         *       "issuedAt": "2026-03-02T08:10:00+07:00",
         *       "documents": [
         *         {
         *           "name": "HD-123-2026.pdf",
         *           "role": "CONTRACT",
         *           "sha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
         *           "size": 184320
         *         }
         *       ],
         *       "signers": [
         *         {
         *           "party": "EMPLOYER",
         *           "fullName": "Trần Thị Mai",
         *           "certificateSha256": "0b1e7c0f4a5b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbc",
         *           "authenticationMethod": "VNEID",
         *           "authenticatedAt": "2026-03-01T16:58:12+07:00",
         *           "signedAt": "2026-03-01T17:00:05+07:00"
         *         },
         *         {
         *           "party": "EMPLOYEE",
         *           "fullName": "Nguyễn Văn An",
         *           "certificateSha256": "9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b",
         *           "authenticationMethod": "VNEID",
         *           "authenticatedAt": "2026-03-02T07:59:40+07:00",
         *           "signedAt": "2026-03-02T08:01:12+07:00"
         *         }
         *       ],
         *       "events": [
         *         {
         *           "at": "2026-03-01T16:40:00+07:00",
         *           "type": "CREATED",
         *           "actor": "Trần Thị Mai"
         *         },
         *         {
         *           "at": "2026-03-02T08:01:12+07:00",
         *           "type": "SIGNED",
         *           "actor": "Nguyễn Văn An",
         *           "detail": "Last signature; the contract takes effect (Decree 337/2025 Art. 8)."
         *         }
         *       ]
         *     }
         */
        CertificationEvidence: {
            /**
             * @description Format version of this document; 1 in v1 of the API.
             * @constant
             */
            version: 1;
            /** @description The certifying eContract provider. */
            provider: {
                /** @description Provider id assigned by the Platform (the OAuth2 client id). */
                id: string;
                name: string;
            };
            providerReference: components["schemas"]["ProviderReference"];
            /**
             * Format: date-time
             * @description When the provider issued this certification.
             */
            issuedAt: string;
            documents: {
                /** @description File name, as in the submission. */
                name: string;
                role: components["schemas"]["EvidenceDocumentRole"];
                sha256: components["schemas"]["Sha256"];
                /** @description Size in bytes. */
                size: number;
            }[];
            signers: {
                /**
                 * @description Who signed. `CONVERTER` is the organisation that sealed a converted paper contract.
                 * @enum {string}
                 */
                party: "EMPLOYER" | "EMPLOYEE" | "PROVIDER" | "CONVERTER";
                fullName: string;
                certificateSha256: components["schemas"]["Sha256"];
                /**
                 * @description How the eContract authenticated the signer before signing (Decree 337/2025 Art. 7.1.d).
                 * @enum {string}
                 */
                authenticationMethod: "VNEID" | "OTP_SMS" | "PASSWORD_2FA" | "OTHER";
                /** Format: date-time */
                authenticatedAt: string;
                /** Format: date-time */
                signedAt: string;
            }[];
            events: {
                /** Format: date-time */
                at: string;
                /** @enum {string} */
                type: "CREATED" | "VIEWED" | "AUTHENTICATED" | "SIGNED" | "SENT" | "STORED";
                actor: string;
                detail?: string;
            }[];
        };
        /**
         * EvidenceDocumentRole
         * @description Kind of a document named in the certification evidence.
         * @enum {string}
         */
        EvidenceDocumentRole: "CONTRACT" | "APPENDIX" | "AMENDMENT" | "SUPPLEMENT" | "SUSPENSION" | "RESUMPTION" | "TERMINATION" | "CONVERTED_PAPER" | "OTHER";
        /**
         * TransactionLog
         * @description Transaction log of the contract in the eContract (nhật ký giao dịch, Decree 337/2025 Art. 13.1.đ;
         *     DOMAIN.md core flow step 2): access information, operation history and the chain of events of
         *     creation, signing, amendment, suspension, termination and storage, with authentication times and
         *     metadata. Events are in chronological order; 1 to 1000 events.
         * @example {
         *       "system": {
         *         "name": "VietSign eContract",
         *         "version": "4.2.1"
         *       },
         *       "events": [
         *         {
         *           "at": "2026-03-01T16:40:00+07:00",
         *           "type": "CREATED",
         *           "actor": "tran.thi.mai@songhong.example",
         *           "actorRole": "EMPLOYER",
         *           "ip": "203.0.113.10"
         *         },
         *         {
         *           "at": "2026-03-01T17:00:05+07:00",
         *           "type": "SIGNED",
         *           "actor": "tran.thi.mai@songhong.example",
         *           "actorRole": "EMPLOYER",
         *           "documentSha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
         *         },
         *         {
         *           "at": "2026-03-02T08:01:12+07:00",
         *           "type": "SIGNED",
         *           "actor": "nguyen.van.an",
         *           "actorRole": "EMPLOYEE",
         *           "ip": "198.51.100.7",
         *           "userAgent": "Mozilla/5.0 (Linux; Android 14)",
         *           "documentSha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
         *         },
         *         {
         *           "at": "2026-03-02T08:01:30+07:00",
         *           "type": "STORED",
         *           "actor": "VietSign eContract",
         *           "actorRole": "SYSTEM"
         *         }
         *       ]
         *     }
         */
        TransactionLog: {
            /** @description The eContract software that produced the log. */
            system: {
                name: string;
                version: string;
            };
            events: {
                /** Format: date-time */
                at: string;
                /** @enum {string} */
                type: "CREATED" | "ACCESSED" | "VIEWED" | "AUTHENTICATED" | "SIGNED" | "AMENDED" | "SUSPENDED" | "TERMINATED" | "STORED" | "SENT";
                /** @description Who acted (name or account id). Personal data is protected as T17 requires. */
                actor: string;
                /** @enum {string} */
                actorRole: "EMPLOYER" | "EMPLOYEE" | "PROVIDER" | "SYSTEM";
                /** @description Client IP address (IPv4 or IPv6), when known. */
                ip?: string;
                userAgent?: string;
                documentSha256?: components["schemas"]["Sha256"];
                detail?: string;
            }[];
        };
        /**
         * ConversionLog
         * @description Conversion log of a paper labor contract converted to a data message (Decree 337/2025 Art. 9.2.a,
         *     13.1.b; Law on Electronic Transactions 2023 Art. 12.1; DOMAIN.md core flow step 3). At least one
         *     of `personName` (with `personTitle`) or `organisationName` must be given: who converted the
         *     contract. A log naming neither, or whose `sha256`, `fileSize` or `pageCount` differ from the
         *     submitted scan, fails with `CONVERSION_LOG_INVALID`.
         * @example {
         *       "system": "ScanSeal 3.0",
         *       "personName": "Lê Văn Bình",
         *       "personTitle": "Chuyên viên hành chính",
         *       "organisationName": "Công ty TNHH Dệt may Sông Hồng",
         *       "completedAt": "2026-03-05T10:20:00+07:00",
         *       "fileFormat": "application/pdf",
         *       "fileSize": 524288,
         *       "pageCount": 4,
         *       "sha256": "5d41402abc4b2a76b9719d911017c592aaf07e6b0a3c1d2e3f4a5b6c7d8e9f00",
         *       "sealSignature": {
         *         "signerCertificateSha256": "7f83b1657ff1fc53b92dc18148a1d65dfc2d4b1fa3d677284addd200126d9069",
         *         "timestampedAt": "2026-03-05T10:20:02+07:00"
         *       },
         *       "matchesOriginal": true
         *     }
         */
        ConversionLog: {
            /** @description Name (and version) of the converting system or software. */
            system: string;
            /** @description Full name of the person who converted the contract. */
            personName?: string;
            /** @description Title (chức danh) of that person. */
            personTitle?: string;
            /** @description Name of the converting organisation, when an organisation converted it. */
            organisationName?: string;
            /**
             * Format: date-time
             * @description Date and time the conversion finished.
             */
            completedAt: string;
            /**
             * @description Format of the converted file.
             * @constant
             */
            fileFormat: "application/pdf";
            /** @description Size of the converted file in bytes. */
            fileSize: number;
            pageCount: number;
            sha256: components["schemas"]["Sha256"];
            /** @description The converting organisation's digital signature sealing the file, with its timestamp. */
            sealSignature: {
                signerCertificateSha256: components["schemas"]["Sha256"];
                /** Format: date-time */
                timestampedAt: string;
            };
            /**
             * @description Confirms the converted copy was checked and matches the paper original.
             * @constant
             */
            matchesOriginal: true;
        };
        /**
         * ContractSubmission
         * @description One signed electronic labor contract sent by a provider (DOMAIN.md N1, F7, S2.1, T5-T8; Decree
         *     337/2025 Art. 13.1.a, c, đ): the main data, the signed PDF(s) (the signed contract first, role
         *     `CONTRACT`), the certification evidence and the transaction log. The whole JSON request body is at
         *     most 16 MiB (`PAYLOAD_TOO_LARGE`); each document at most 10 MiB decoded. It should be sent within
         *     24 hours of the last signature (otherwise it is accepted but flagged `SUBMISSION_LATE`).
         */
        ContractSubmission: {
            providerReference: components["schemas"]["ProviderReference"];
            mainData: components["schemas"]["ContractMainData"];
            /** @description Signed files; the first one is the signed contract (role `CONTRACT`), then appendices and other e-documents. */
            documents: components["schemas"]["SubmittedDocument"][];
            evidence: components["schemas"]["CertificationEvidenceFile"];
            transactionLog: components["schemas"]["TransactionLog"];
        };
        /**
         * LifecycleType
         * @description Kind of a later document attached to an existing contract ID (Decree 337/2025 Art. 9.3; DOMAIN.md
         *     N5, F10): appendix, amendment, supplement, suspension (tạm hoãn), resumption after suspension, or
         *     termination (chấm dứt).
         * @enum {string}
         */
        LifecycleType: "APPENDIX" | "AMENDMENT" | "SUPPLEMENT" | "SUSPENSION" | "RESUMPTION" | "TERMINATION";
        /**
         * LifecycleSubmission
         * @description A later document of an existing contract (appendix, amendment, supplement, suspension, resumption,
         *     termination) concluded electronically and attached to the same contract ID (Decree 337/2025
         *     Art. 9.1, 9.3; DOMAIN.md N5, F10). Same size limits as `ContractSubmission`. The transition must
         *     be allowed by the contract's state (`LIFECYCLE_TRANSITION_INVALID`).
         */
        LifecycleSubmission: {
            type: components["schemas"]["LifecycleType"];
            providerReference: components["schemas"]["ProviderReference"];
            /**
             * Format: date
             * @description Date the document takes effect (for a suspension, the first day of suspension).
             */
            effectiveOn: string;
            /** @description Short human-readable summary of the document. */
            summary?: string;
            /** @description For AMENDMENT and SUPPLEMENT, the main data sections the document changes (optional). */
            changes?: components["schemas"]["ContractMainDataChanges"];
            /** @description Signed files; the first is the signed lifecycle document (role `CONTRACT`). */
            documents: components["schemas"]["SubmittedDocument"][];
            evidence: components["schemas"]["CertificationEvidenceFile"];
            transactionLog: components["schemas"]["TransactionLog"];
        };
        /**
         * ConvertedPaperSubmission
         * @description A labor contract concluded on paper and converted to a data message (Decree 337/2025 Art. 9.2.a,
         *     13.1.b; DOMAIN.md core flow step 3, N1): the main data, the sealed scanned PDF (role `CONTRACT`,
         *     including earlier paper amendments) and the conversion log. It gets an ID like an electronic
         *     contract; only then can e-documents amend it (`CONTRACT_NOT_CONVERTED`).
         */
        ConvertedPaperSubmission: {
            providerReference: components["schemas"]["ProviderReference"];
            mainData: components["schemas"]["ContractMainData"];
            /** @description The sealed scanned contract first (role `CONTRACT`), then scanned appendices. */
            documents: components["schemas"]["SubmittedDocument"][];
            conversionLog: components["schemas"]["ConversionLog"];
            transactionLog?: components["schemas"]["TransactionLog"];
        };
        /**
         * SubmissionAcknowledgement
         * @description Immediate answer to a submission (DOMAIN.md S2.1, T10): the package was received and queued. The
         *     outcome (ID issued or failure) follows asynchronously; poll `statusUrl` no sooner than
         *     `retryAfterSeconds`, or look the transaction up by `providerReference`.
         * @example {
         *       "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
         *       "kind": "CONTRACT",
         *       "receivedAt": "2026-03-02T08:15:30Z",
         *       "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
         *       "providerReference": "HD-2026-000123",
         *       "status": "RECEIVED",
         *       "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
         *       "retryAfterSeconds": 2
         *     }
         */
        SubmissionAcknowledgement: {
            /** Format: uuid */
            transactionId: string;
            kind?: components["schemas"]["TransactionKind"];
            /** Format: date-time */
            receivedAt: string;
            /** @description SHA-256 of the raw request body as received (for a batch item, of that item's JSON). */
            payloadSha256: components["schemas"]["Sha256"];
            providerReference: components["schemas"]["ProviderReference"];
            status: components["schemas"]["TransactionStatus"];
            /** @description Path of the transaction resource, `/v1/transactions/{transactionId}`. */
            statusUrl: string;
            /** @description Polling hint, in seconds. */
            retryAfterSeconds?: number;
            /**
             * Format: uuid
             * @description The failed transaction this corrected package replaces, under the same provider reference, after
             *     its re-push was approved (F36, F37); the failed one then names this one as `supersededBy`.
             */
            supersedes?: string;
        };
        /**
         * BatchSubmission
         * @description Up to 50 contract submissions in one request (DOMAIN.md T5). The request body is at most 32 MiB;
         *     more items or bytes fail the whole request with `BATCH_TOO_LARGE`. Each item is processed (and
         *     acknowledged) independently.
         */
        BatchSubmission: {
            items: components["schemas"]["ContractSubmission"][];
        };
        /**
         * BatchItemResult
         * @description Result for one batch item, in request order: exactly one of `acknowledgement` (queued, with its own
         *     transaction id) or `problem` (refused at intake, for example `REQUEST_INVALID`).
         */
        BatchItemResult: {
            /** @description Zero-based position of the item in the request. */
            index: number;
            providerReference?: components["schemas"]["ProviderReference"];
            acknowledgement?: components["schemas"]["SubmissionAcknowledgement"];
            problem?: components["schemas"]["Problem"];
        };
        /**
         * BatchAcknowledgement
         * @description Per-item results of a batch submission (DOMAIN.md T5), one per request item, in order.
         */
        BatchAcknowledgement: {
            items: components["schemas"]["BatchItemResult"][];
        };
        /**
         * TransactionPage
         * @description One page of the provider's transaction history (DOMAIN.md T10, F35), newest first.
         */
        TransactionPage: {
            items: components["schemas"]["Transaction"][];
            /** @description Opaque cursor of the next page; null or absent on the last page. */
            nextCursor?: string | null;
        };
        /**
         * ContractState
         * @description Lifecycle state of a contract with an ID (DOMAIN.md F10): `ACTIVE` once the ID is issued,
         *     `SUSPENDED` after a suspension (back to `ACTIVE` on resumption), `TERMINATED` after termination,
         *     `ARCHIVED` when the Platform archives a terminated contract. No transition leaves `TERMINATED`
         *     except to `ARCHIVED`.
         * @enum {string}
         */
        ContractState: "ACTIVE" | "SUSPENDED" | "TERMINATED" | "ARCHIVED";
        /**
         * DocumentKind
         * @description Kind of a stored document of a contract (DOMAIN.md S1.2, F10).
         * @enum {string}
         */
        DocumentKind: "CONTRACT" | "APPENDIX" | "AMENDMENT" | "SUPPLEMENT" | "SUSPENSION" | "RESUMPTION" | "TERMINATION" | "CONVERTED_PAPER" | "EVIDENCE" | "TRANSACTION_LOG" | "CONVERSION_LOG" | "OTHER";
        /**
         * ContractDocument
         * @description A document stored under a contract ID, downloadable with `downloadDocument` (DOMAIN.md S1.2).
         */
        ContractDocument: {
            documentId: string;
            kind: components["schemas"]["DocumentKind"];
            fileName: string;
            /** @enum {string} */
            mediaType: "application/pdf" | "application/pkcs7-mime" | "application/json";
            /** @description Size in bytes. */
            size: number;
            sha256: components["schemas"]["Sha256"];
            /**
             * Format: uuid
             * @description The transaction that brought the document.
             */
            transactionId: string;
            /** Format: date-time */
            addedAt: string;
        };
        /**
         * Contract
         * @description A labor contract with its national ID, its current main data, documents and history (DOMAIN.md
         *     F9, F10, N4, N5, S1.1). `mainData` reflects amendments and supplements in force.
         */
        Contract: {
            contractId: components["schemas"]["ContractId"];
            state: components["schemas"]["ContractState"];
            /**
             * @description Concluded electronically, or concluded on paper and converted (Decree 337/2025 Art. 9.2).
             * @enum {string}
             */
            origin: "ELECTRONIC" | "CONVERTED_PAPER";
            mainData: components["schemas"]["ContractMainData"];
            /**
             * Format: date-time
             * @description When the ID was issued.
             */
            issuedAt: string;
            /** @description The initial submission arrived more than 24 hours after the last signature. */
            late: boolean;
            providerReference: components["schemas"]["ProviderReference"];
            documents: components["schemas"]["ContractDocument"][];
            /** @description Lifecycle events, oldest first. */
            history: {
                /** Format: date-time */
                at: string;
                /** @enum {string} */
                event: "ISSUED" | "APPENDIX_ADDED" | "AMENDED" | "SUPPLEMENTED" | "SUSPENDED" | "RESUMED" | "TERMINATED" | "ARCHIVED";
                /**
                 * Format: uuid
                 * @description The transaction that caused the event; absent for events the Platform originates (`ARCHIVED`).
                 */
                transactionId?: string;
                /** @description Absent for `ISSUED`. */
                fromState?: components["schemas"]["ContractState"];
                toState: components["schemas"]["ContractState"];
            }[];
        };
        /**
         * VerificationReport
         * @description Validation result of one signature or seal in a submitted PDF, following ETSI EN 319 102-1
         *     (indication and sub-indication) (DOMAIN.md N2, F8, S2.2). `code` is the catalog code of the
         *     first problem found, absent when the signature passed.
         * @example {
         *       "indication": "TOTAL_PASSED",
         *       "document": "HD-123-2026.pdf",
         *       "fieldName": "Signature2",
         *       "party": "EMPLOYEE",
         *       "signer": {
         *         "commonName": "NGUYỄN VĂN AN",
         *         "serialNumber": "5403a1b2c3d4e5f6",
         *         "issuer": "CN=Demo CA,O=Demo Trust Services,C=VN",
         *         "certificateSha256": "9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b"
         *       },
         *       "signingTime": "2026-03-02T01:01:12Z",
         *       "timestamp": {
         *         "time": "2026-03-02T01:01:13Z",
         *         "tsa": "CN=Demo TSA,O=Demo Trust Services,C=VN"
         *       },
         *       "coversWholeDocument": true
         *     }
         */
        VerificationReport: {
            /** @enum {string} */
            indication: "TOTAL_PASSED" | "INDETERMINATE" | "TOTAL_FAILED";
            /**
             * @description ETSI EN 319 102-1 sub-indication, when the indication is not TOTAL_PASSED.
             * @enum {string}
             */
            subIndication?: "FORMAT_FAILURE" | "HASH_FAILURE" | "SIG_CRYPTO_FAILURE" | "REVOKED" | "SIG_CONSTRAINTS_FAILURE" | "CHAIN_CONSTRAINTS_FAILURE" | "CERTIFICATE_CHAIN_GENERAL_FAILURE" | "CRYPTO_CONSTRAINTS_FAILURE" | "EXPIRED" | "NOT_YET_VALID" | "POLICY_PROCESSING_ERROR" | "SIGNATURE_POLICY_NOT_AVAILABLE" | "TIMESTAMP_ORDER_FAILURE" | "NO_SIGNING_CERTIFICATE_FOUND" | "NO_CERTIFICATE_CHAIN_FOUND" | "REVOKED_NO_POE" | "REVOKED_CA_NO_POE" | "OUT_OF_BOUNDS_NO_POE" | "OUT_OF_BOUNDS_NOT_REVOKED" | "CRYPTO_CONSTRAINTS_FAILURE_NO_POE" | "NO_POE" | "TRY_LATER" | "SIGNED_DATA_NOT_FOUND";
            /** @description File name of the signed document. */
            document?: string;
            /** @description Name of the PDF signature field. */
            fieldName?: string;
            /**
             * @description The party the signature was matched to, through the certification evidence.
             * @enum {string}
             */
            party?: "EMPLOYER" | "EMPLOYEE" | "PROVIDER" | "CONVERTER";
            signer: {
                commonName: string;
                /** @description Certificate serial number, hexadecimal. */
                serialNumber: string;
                /** @description Issuer distinguished name (RFC 4514). */
                issuer: string;
                certificateSha256: components["schemas"]["Sha256"];
            };
            /**
             * Format: date-time
             * @description Claimed signing time from the signed attributes.
             */
            signingTime?: string;
            /** @description RFC 3161 signature timestamp, when present. */
            timestamp?: {
                /** Format: date-time */
                time: string;
                /** @description Subject name of the timestamping authority. */
                tsa: string;
            };
            /** @description The signed byte range covers the whole file (no bytes appended after signing). */
            coversWholeDocument: boolean;
            code?: components["schemas"]["ErrorCode"];
            /** @description Facts worth knowing that do not fail the signature. */
            notes?: {
                /**
                 * @description Revocation could not be checked (sandbox); the signing time rests only on the signer's claim (no timestamp); the certificate was revoked after the proven signing time.
                 * @enum {string}
                 */
                code: "REVOCATION_NOT_CHECKED" | "SIGNING_TIME_UNPROVEN" | "REVOKED_AFTER_SIGNING";
                detail?: string;
            }[];
        };
        /**
         * Receipt
         * @description Decoded payload of the Platform's receipt, a compact JWS (RFC 7515) in `Transaction.receipt`,
         *     signed with a key published at `/.well-known/jwks.json` (its `kid` in the JWS header). It proves
         *     the outcome of a transaction without a call back to the Platform (DOMAIN.md F9, S2.2).
         * @example {
         *       "iss": "http://127.0.0.1:8080",
         *       "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
         *       "providerReference": "HD-2026-000123",
         *       "outcome": "ISSUED",
         *       "contractId": "2604173920581648",
         *       "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
         *       "issuedAt": "2026-03-02T08:15:31Z",
         *       "verifyUrl": "http://127.0.0.1:8080/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e"
         *     }
         */
        Receipt: {
            /** @description Issuer, the Platform's base URL. */
            iss: string;
            /** Format: uuid */
            transactionId: string;
            providerReference: components["schemas"]["ProviderReference"];
            /**
             * @description ID issued, submission rejected, or the contract already had an ID (`contractId` is the existing one).
             * @enum {string}
             */
            outcome: "ISSUED" | "REJECTED" | "REPLAY";
            contractId?: components["schemas"]["ContractId"];
            /** @description Catalog codes of the problems, for a rejected submission. */
            errors?: components["schemas"]["ErrorCode"][];
            payloadSha256: components["schemas"]["Sha256"];
            /** Format: date-time */
            issuedAt: string;
            /** @description URL where anyone with the right can check the transaction. */
            verifyUrl: string;
        };
        /**
         * PlatformKeys
         * @description JSON Web Key Set (RFC 7517) of the Platform's public keys that sign receipts. Keys are rotated;
         *     a retired key stays published while receipts signed with it may still be verified.
         * @example {
         *       "keys": [
         *         {
         *           "kty": "OKP",
         *           "crv": "Ed25519",
         *           "kid": "platform-2026-01",
         *           "use": "sig",
         *           "alg": "EdDSA",
         *           "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
         *         }
         *       ]
         *     }
         */
        PlatformKeys: {
            keys: {
                /** @enum {string} */
                kty: "OKP" | "EC" | "RSA";
                kid: string;
                /** @enum {string} */
                use?: "sig";
                /** @enum {string} */
                alg?: "EdDSA" | "ES256" | "ES384" | "RS256" | "PS256";
                /** @enum {string} */
                crv?: "Ed25519" | "P-256" | "P-384";
                x?: string;
                y?: string;
                n?: string;
                e?: string;
            }[];
        };
        /**
         * TokenRequest
         * @description OAuth2 client credentials grant (RFC 6749 section 4.4), form encoded. Client authentication by
         *     `private_key_jwt` (RFC 7523 section 2.2: `client_assertion_type` and `client_assertion`, a JWT
         *     signed with the provider's registered key, `aud` = the token URL, lifetime at most 5 minutes,
         *     unique `jti`) is the preferred method and the only one in production. `client_secret_post`
         *     (`client_id` and `client_secret`) is accepted from providers in the sandbox only. Ministry
         *     operators authenticate with their client id and secret in every mode; their token carries the
         *     `operator` role. Failures: `CLIENT_AUTH_FAILED`.
         */
        TokenRequest: {
            /** @constant */
            grant_type: "client_credentials";
            /** @constant */
            client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
            /** @description Compact JWS with iss = sub = client id, aud = token URL, exp, iat and jti. */
            client_assertion: string;
            /** @description Optional; must equal the assertion's `sub` when present. */
            client_id?: string;
            /** @description Space-separated scopes; all the client's scopes when absent. */
            scope?: string;
        } | {
            /** @constant */
            grant_type: "client_credentials";
            client_id: string;
            /**
             * Format: password
             * @description Sandbox only.
             */
            client_secret: string;
            scope?: string;
        };
        /**
         * TokenResponse
         * @description Access token response (RFC 6749 section 5.1). Tokens are short-lived; request a new one on `TOKEN_EXPIRED`.
         * @example {
         *       "access_token": "eyJhbGciOiJFZERTQSIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJwcm92LWVjb250cmFjdC1kZW1vIn0.c2lnbmF0dXJl",
         *       "token_type": "Bearer",
         *       "expires_in": 900,
         *       "scope": "contracts:write contracts:read"
         *     }
         */
        TokenResponse: {
            access_token: string;
            /** @constant */
            token_type: "Bearer";
            /** @description Lifetime in seconds. */
            expires_in: number;
            scope?: string;
        };
        /**
         * SandboxIdentityRegistration
         * @description Test persons for the sandbox population registry and test enterprises for the sandbox business
         *     registry (each list 1 to 1000 per call; either or both).
         */
        SandboxIdentityRegistration: {
            identities?: {
                /** @description Citizen ID (CCCD, 12 digits), old ID card (CMND, 9 digits) or passport number. */
                identityNumber: string;
                fullName: string;
                /** Format: date */
                dateOfBirth: string;
                /** @enum {string} */
                sex: "MALE" | "FEMALE";
            }[];
            /** @description Employers as the National Business Registration Portal would answer for them. */
            enterprises?: {
                /** @description Enterprise/tax code (mã số thuế), 10 digits or 10-3 for a branch. */
                taxCode: string;
                name: string;
                address: string;
                /**
                 * @description ACTIVE (đang hoạt động), SUSPENDED (tạm ngừng kinh doanh), DISSOLVING (đang làm thủ tục
                 *     giải thể), DISSOLVED (đã giải thể), REVOKED (bị thu hồi giấy chứng nhận đăng ký). Only an
                 *     ACTIVE employer passes the identity check.
                 * @enum {string}
                 */
                status: "ACTIVE" | "SUSPENDED" | "DISSOLVING" | "DISSOLVED" | "REVOKED";
            }[];
        };
        /** SandboxIdentityRegistrationResult */
        SandboxIdentityRegistrationResult: {
            registered: number;
        };
        /**
         * SandboxClockChange
         * @description Moves the sandbox clock, to test the 24-hour rule (`SUBMISSION_LATE`) and time-dependent checks
         *     (certificate expiry) (DOMAIN.md S2.4 "test environment"): either forward by `advanceSeconds`, or
         *     to a given `offsetSeconds` from real time (0 resets it).
         */
        SandboxClockChange: {
            advanceSeconds: number;
        } | {
            offsetSeconds: number;
        };
        /**
         * SandboxClock
         * @description The sandbox Platform's current time and its offset from real time.
         * @example {
         *       "now": "2026-03-03T08:15:30Z",
         *       "offsetSeconds": 86400
         *     }
         */
        SandboxClock: {
            /** Format: date-time */
            now: string;
            offsetSeconds: number;
        };
        /**
         * ExplanationStatus
         * @description Where a transaction stands in the failed-transaction workflow (DOMAIN.md F36, F37): `NONE` (not
         *     failed), `AWAITING_EXPLANATION` (FAILED, the provider owes an explanation), `PENDING_APPROVAL`
         *     (explained, an operator must decide), `APPROVED` (may be pushed again), `REJECTED` (explain
         *     again or fix and resubmit), `REPUSHED` (pushed again; a new failure makes it `AWAITING_EXPLANATION`).
         * @enum {string}
         */
        ExplanationStatus: "NONE" | "AWAITING_EXPLANATION" | "PENDING_APPROVAL" | "APPROVED" | "REJECTED" | "REPUSHED";
        /**
         * ExplanationState
         * @description An explanation is `PENDING` until an operator `APPROVED` or `REJECTED` it (DOMAIN.md F37).
         * @enum {string}
         */
        ExplanationState: "PENDING" | "APPROVED" | "REJECTED";
        /**
         * ExplanationAttachmentUpload
         * @description A small supporting file sent with an explanation (DOMAIN.md F36), at most 2 MiB decoded.
         * @example {
         *       "fileName": "registry-correction.pdf",
         *       "mediaType": "application/pdf",
         *       "contentBase64": "JVBERi0xLjcKJcfsj6IK"
         *     }
         */
        ExplanationAttachmentUpload: {
            fileName: string;
            /** @enum {string} */
            mediaType: "application/pdf" | "image/png" | "image/jpeg" | "text/plain";
            /**
             * Format: byte
             * @description Standard base64 of the file bytes (2 MiB decoded at most).
             */
            contentBase64: string;
        };
        /**
         * ExplanationAttachment
         * @description A file attached to an explanation. `contentBase64` is returned by `getExplanation` only; lists
         *     carry the description alone.
         */
        ExplanationAttachment: {
            fileName: string;
            /** @enum {string} */
            mediaType: "application/pdf" | "image/png" | "image/jpeg" | "text/plain";
            size: number;
            sha256: components["schemas"]["Sha256"];
            /** Format: byte */
            contentBase64?: string;
        };
        /**
         * ExplanationSubmission
         * @description A provider's explanation of one or many of its FAILED transactions awaiting explanation (or whose
         *     previous explanation was rejected) (DOMAIN.md F36). Each transaction may be in one pending
         *     explanation at a time.
         * @example {
         *       "transactionIds": [
         *         "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f"
         *       ],
         *       "text": "The employee's citizen ID was updated in the population registry on 2026-03-03; please allow a re-push."
         *     }
         */
        ExplanationSubmission: {
            transactionIds: string[];
            /** @description Why the transactions failed and what was corrected, in English or Vietnamese. */
            text: string;
            attachments?: components["schemas"]["ExplanationAttachmentUpload"][];
        };
        /**
         * ExplanationTransaction
         * @description A transaction covered by an explanation, and when and by whom it was pushed again (DOMAIN.md F37).
         */
        ExplanationTransaction: {
            /** Format: uuid */
            transactionId: string;
            providerReference: string;
            /** Format: date-time */
            repushedAt?: string;
            /** @description Client id of the provider application that pushed it again. */
            repushedBy?: string;
        };
        /**
         * Explanation
         * @description A provider's explanation of failed transactions and the operator's decision (DOMAIN.md F36,
         *     F37). Every step carries who and when: submitted (provider client id), decided (operator id),
         *     pushed again (per transaction).
         * @example {
         *       "explanationId": "0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
         *       "providerId": "prov-econtract-demo",
         *       "state": "APPROVED",
         *       "text": "The employee's citizen ID was updated in the population registry on 2026-03-03; please allow a re-push.",
         *       "transactions": [
         *         {
         *           "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
         *           "providerReference": "HD-2026-000122"
         *         }
         *       ],
         *       "attachments": [],
         *       "submittedAt": "2026-03-03T09:00:00Z",
         *       "submittedBy": "prov-econtract-demo",
         *       "decidedAt": "2026-03-03T10:30:00Z",
         *       "decidedBy": "moha-operator-01",
         *       "decisionReason": "Registry correction confirmed."
         *     }
         */
        Explanation: {
            /** Format: uuid */
            explanationId: string;
            providerId: string;
            state: components["schemas"]["ExplanationState"];
            text: string;
            transactions: components["schemas"]["ExplanationTransaction"][];
            attachments: components["schemas"]["ExplanationAttachment"][];
            /** Format: date-time */
            submittedAt: string;
            /** @description Client id of the provider application that submitted it. */
            submittedBy: string;
            /** Format: date-time */
            decidedAt?: string;
            /** @description Id of the Ministry operator who decided. */
            decidedBy?: string;
            decisionReason?: string;
        };
        /**
         * ExplanationPage
         * @description One page of explanations, newest first (DOMAIN.md F36, F37).
         */
        ExplanationPage: {
            items: components["schemas"]["Explanation"][];
            /** @description Opaque cursor of the next page; null or absent on the last page. */
            nextCursor?: string | null;
        };
        /**
         * ExplanationDecision
         * @description An operator's decision on a pending explanation, with its reason (DOMAIN.md F37).
         * @example {
         *       "decision": "APPROVED",
         *       "reason": "Registry correction confirmed."
         *     }
         */
        ExplanationDecision: {
            /** @enum {string} */
            decision: "APPROVED" | "REJECTED";
            reason: string;
        };
        /**
         * ReconciliationFigures
         * @description Transactions received in the period, by status (DOMAIN.md F35, T10). `received` = `notProcessed`
         *     + `processing` + `succeeded` + `failed`. `failuresByCode` counts FAILED transactions whose errors
         *     include the code (a transaction with two codes counts under each).
         */
        ReconciliationFigures: {
            received: number;
            /** @description Status RECEIVED. */
            notProcessed: number;
            processing: number;
            succeeded: number;
            failed: number;
            /** @description FAILED transactions whose `explanationStatus` is `AWAITING_EXPLANATION` (F36). */
            awaitingExplanation: number;
            failuresByCode: {
                code: components["schemas"]["ErrorCode"];
                count: number;
            }[];
        };
        /**
         * ProviderReconciliation
         * @description One provider's reconciliation figures, with links to drill down into its transactions (DOMAIN.md F35).
         */
        ProviderReconciliation: {
            providerId: string;
            providerName: string;
            providerStatus: components["schemas"]["ProviderStatus"];
            figures: components["schemas"]["ReconciliationFigures"];
            /** @description Authenticated API calls of the provider logged in the period (F35, T11). */
            apiCalls: number;
            /** @description The `listTransactions` request listing these transactions. */
            transactionsUrl: string;
            /** @description The `listTransactions` request listing the failed ones. */
            failedTransactionsUrl: string;
        };
        /**
         * Reconciliation
         * @description Reconciliation report of provider transactions (DOMAIN.md F35): per provider, what was received
         *     in the period `[from, to)` (by `receivedAt`) and where it stands now. A provider sees itself only.
         */
        Reconciliation: {
            /** Format: date-time */
            from?: string;
            /** Format: date-time */
            to?: string;
            /** Format: date-time */
            generatedAt: string;
            providers: components["schemas"]["ProviderReconciliation"][];
            totals: components["schemas"]["ReconciliationFigures"];
        };
        /**
         * ProviderStatus
         * @description Connection status of a provider (DOMAIN.md N8, F12; Decree 337/2025 Art. 15.4). A SUSPENDED
         *     provider can be restored to ACTIVE; DISCONNECTED is final.
         * @enum {string}
         */
        ProviderStatus: "ACTIVE" | "SUSPENDED" | "DISCONNECTED";
        /**
         * ProviderCapability
         * @description What a provider's integration sends to the Platform (DOMAIN.md N8 "integration capability", F30).
         * @enum {string}
         */
        ProviderCapability: "CONTRACT" | "BATCH" | "LIFECYCLE" | "CONVERTED_PAPER";
        /**
         * ProviderStatusChange
         * @description One change of a provider's connection status, with its reason, actor and time (DOMAIN.md N8, F12).
         */
        ProviderStatusChange: {
            previousStatus?: components["schemas"]["ProviderStatus"];
            status: components["schemas"]["ProviderStatus"];
            reason: string;
            /** @description Id of the Ministry operator. */
            changedBy: string;
            /** Format: date-time */
            changedAt: string;
        };
        /**
         * ProviderStatusUpdate
         * @description Suspend, restore or disconnect a provider, with the reason notified to it (Decree 337/2025 Art. 15.4).
         * @example {
         *       "status": "SUSPENDED",
         *       "reason": "Failure rate above 20% in February 2026 and 14 failed transactions left unexplained."
         *     }
         */
        ProviderStatusUpdate: {
            status: components["schemas"]["ProviderStatus"];
            reason: string;
        };
        /**
         * Provider
         * @description A provider's profile in the registry (DOMAIN.md N8, F12, S2.3): contact, connection status,
         *     integration capabilities, how it authenticates and its technical info (callback URL, IP
         *     allow-list, when its webhook secret was made; the secret itself is never returned).
         *     `statusHistory` (oldest first) is returned by `getProvider`.
         * @example {
         *       "providerId": "prov-econtract-demo",
         *       "name": "Công ty eContract Demo",
         *       "contactEmail": "ops@econtract-demo.invalid",
         *       "status": "ACTIVE",
         *       "statusChangedAt": "2026-03-05T08:00:00Z",
         *       "createdAt": "2026-01-10T02:00:00Z",
         *       "capabilities": [
         *         "CONTRACT",
         *         "BATCH",
         *         "LIFECYCLE",
         *         "CONVERTED_PAPER"
         *       ],
         *       "authenticationMethods": [
         *         "private_key_jwt"
         *       ],
         *       "callbackUrl": "https://econtract-demo.invalid/hooks/hdld",
         *       "ipAllowList": [
         *         "203.0.113.0/24"
         *       ],
         *       "webhookSecretSetAt": "2026-01-10T02:30:00Z",
         *       "statusHistory": [
         *         {
         *           "previousStatus": "ACTIVE",
         *           "status": "SUSPENDED",
         *           "reason": "Failure rate above 20% in February 2026.",
         *           "changedBy": "moha-operator-01",
         *           "changedAt": "2026-03-01T01:00:00Z"
         *         },
         *         {
         *           "previousStatus": "SUSPENDED",
         *           "status": "ACTIVE",
         *           "reason": "Explanations received and approved.",
         *           "changedBy": "moha-operator-01",
         *           "changedAt": "2026-03-05T08:00:00Z"
         *         }
         *       ]
         *     }
         */
        Provider: {
            providerId: string;
            name: string;
            /** Format: email */
            contactEmail: string;
            status: components["schemas"]["ProviderStatus"];
            /** Format: date-time */
            statusChangedAt?: string;
            /** Format: date-time */
            createdAt: string;
            capabilities: components["schemas"]["ProviderCapability"][];
            /** @description Client authentication registered for the provider (`client_secret` works in the sandbox only). */
            authenticationMethods: ("private_key_jwt" | "client_secret")[];
            /**
             * Format: uri
             * @description Where signed transaction results are posted (F4); see `updateProviderTechnicalInfo`.
             */
            callbackUrl?: string;
            /** @description CIDRs the provider must call from; empty allows any address (N8). */
            ipAllowList?: string[];
            /**
             * Format: date-time
             * @description When the current webhook secret was made (`rotateWebhookSecret`); absent when there is none.
             */
            webhookSecretSetAt?: string;
            statusHistory?: components["schemas"]["ProviderStatusChange"][];
        };
        /**
         * Caller
         * @description Who the bearer token belongs to (DOMAIN.md T3, T4, T17): a provider's application, which sees
         *     its own data only, or a Ministry operator, whose data scope is the nation. A provider also gets
         *     its own registry profile with its connection status (N8, S2.3).
         * @example {
         *       "kind": "provider",
         *       "role": "provider",
         *       "scope": "provider",
         *       "clientId": "econtract-demo-app",
         *       "providerId": "prov-econtract-demo",
         *       "provider": {
         *         "providerId": "prov-econtract-demo",
         *         "name": "Công ty eContract Demo",
         *         "contactEmail": "ops@econtract-demo.invalid",
         *         "status": "ACTIVE",
         *         "createdAt": "2026-01-10T02:00:00Z",
         *         "capabilities": [
         *           "CONTRACT",
         *           "BATCH",
         *           "LIFECYCLE",
         *           "CONVERTED_PAPER"
         *         ],
         *         "authenticationMethods": [
         *           "private_key_jwt"
         *         ],
         *         "ipAllowList": []
         *       }
         *     }
         */
        Caller: {
            /** @enum {string} */
            kind: "provider" | "operator";
            /**
             * @description The `role` claim of the access token; more roles may come (T3, T4).
             * @enum {string}
             */
            role: "provider" | "operator";
            /**
             * @description What data the caller may read - its own (`provider`) or every provider's (`nation`).
             * @enum {string}
             */
            scope: "provider" | "nation";
            /** @description The OAuth2 client the token was issued to. */
            clientId: string;
            /** @description Providers only. */
            providerId?: string;
            /** @description Operators only. */
            operatorId?: string;
            provider?: components["schemas"]["Provider"];
        };
        /**
         * ProviderList
         * @description Every registered provider (DOMAIN.md N8, F12), by name.
         */
        ProviderList: {
            items: components["schemas"]["Provider"][];
        };
        /**
         * PublicProvider
         * @description A connected provider as published on the public pages (DOMAIN.md F30, N14).
         */
        PublicProvider: {
            name: string;
            capabilities: components["schemas"]["ProviderCapability"][];
        };
        /**
         * PublicProviderList
         * @description The providers currently connected (status ACTIVE), by name (DOMAIN.md F30).
         */
        PublicProviderList: {
            items: components["schemas"]["PublicProvider"][];
        };
        /**
         * ReportingPeriod
         * @description A calendar month in Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving), `YYYY-MM`: from
         *     00:00 on its 1st to 00:00 on the 1st of the next month, Vietnam time.
         * @example 2026-02
         */
        ReportingPeriod: string;
        /**
         * ProviderReportFigures
         * @description The month's figures of the provider's eContract service (Decree 337/2025 Art. 25.6; DOMAIN.md F33).
         * @example {
         *       "contractsHandled": 1250,
         *       "contractsSigned": 1180,
         *       "contractsSubmitted": 1176,
         *       "incidents": 1
         *     }
         */
        ProviderReportFigures: {
            /** @description Labor contracts created or worked on in the eContract during the month. */
            contractsHandled: number;
            /** @description Contracts whose last party signed during the month. */
            contractsSigned: number;
            /** @description Contracts sent to the Platform during the month. */
            contractsSubmitted: number;
            /** @description Service incidents during the month (outages, security events, data errors); describe them in `text`. */
            incidents: number;
        };
        /**
         * ReportAttachmentUpload
         * @description The technical audit report as a PDF, at most 10 MiB decoded, with the SHA-256 of its bytes so
         *     the Platform can check it arrived intact (`ATTACHMENT_DIGEST_MISMATCH` otherwise).
         * @example {
         *       "fileName": "audit-2026.pdf",
         *       "mediaType": "application/pdf",
         *       "sha256": "8f4e1a3b0f1c2e6d3f9b7a5c4d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e",
         *       "contentBase64": "JVBERi0xLjcKJcfsj6IK"
         *     }
         */
        ReportAttachmentUpload: {
            fileName: string;
            /** @enum {string} */
            mediaType: "application/pdf";
            sha256: components["schemas"]["Sha256"];
            /**
             * Format: byte
             * @description Standard base64 of the file bytes (10 MiB decoded at most).
             */
            contentBase64: string;
        };
        /**
         * ReportAttachment
         * @description The technical audit report file of a monthly report. `contentBase64` is returned by
         *     `getProviderReport` only; lists carry the description alone.
         */
        ReportAttachment: {
            fileName: string;
            /** @enum {string} */
            mediaType: "application/pdf";
            size: number;
            sha256: components["schemas"]["Sha256"];
            /** Format: byte */
            contentBase64?: string;
        };
        /**
         * TechnicalAuditResult
         * @description The auditor's conclusion on the certification service.
         * @enum {string}
         */
        TechnicalAuditResult: "PASSED" | "PASSED_WITH_FINDINGS" | "FAILED";
        /**
         * TechnicalAuditUpload
         * @description The result of a technical audit of the provider's data message certification service (DOMAIN.md
         *     F33), with the audit report attached.
         * @example {
         *       "auditor": "Công ty Kiểm định An toàn Thông tin ABC",
         *       "auditedOn": "2026-02-20",
         *       "result": "PASSED_WITH_FINDINGS",
         *       "summary": "Two minor findings on log retention, fixed on 2026-02-25.",
         *       "attachment": {
         *         "fileName": "audit-2026.pdf",
         *         "mediaType": "application/pdf",
         *         "sha256": "8f4e1a3b0f1c2e6d3f9b7a5c4d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e",
         *         "contentBase64": "JVBERi0xLjcKJcfsj6IK"
         *       }
         *     }
         */
        TechnicalAuditUpload: {
            /** @description The organisation that audited the certification service. */
            auditor: string;
            /**
             * Format: date
             * @description When the audit ended.
             */
            auditedOn: string;
            result: components["schemas"]["TechnicalAuditResult"];
            summary?: string;
            attachment: components["schemas"]["ReportAttachmentUpload"];
        };
        /**
         * TechnicalAudit
         * @description A technical audit result of the provider's certification service, as sent (DOMAIN.md F33).
         */
        TechnicalAudit: {
            auditor: string;
            /** Format: date */
            auditedOn: string;
            result: components["schemas"]["TechnicalAuditResult"];
            summary?: string;
            attachment: components["schemas"]["ReportAttachment"];
        };
        /**
         * ProviderReportSubmission
         * @description A provider's monthly report on its eContract service (Decree 337/2025 Art. 25.6; DOMAIN.md F33)
         *     for a month that has ended. To correct a report already sent, send the whole report again with
         *     `replacesVersion` set to its latest version: a new version is kept beside the earlier ones.
         * @example {
         *       "period": "2026-01",
         *       "figures": {
         *         "contractsHandled": 1250,
         *         "contractsSigned": 1180,
         *         "contractsSubmitted": 1176,
         *         "incidents": 1
         *       },
         *       "text": "Service available 99.95% of the month; one 40-minute outage on 2026-01-12 (database failover)."
         *     }
         */
        ProviderReportSubmission: {
            period: components["schemas"]["ReportingPeriod"];
            figures: components["schemas"]["ProviderReportFigures"];
            /** @description How the service went during the month (incidents, changes, support), in English or Vietnamese. */
            text: string;
            technicalAudit?: components["schemas"]["TechnicalAuditUpload"];
            /** @description Only to correct a report already sent; the latest version, which this one replaces. */
            replacesVersion?: number;
        };
        /**
         * ReportTimeliness
         * @description Where a provider's monthly report stands against its deadline (before the 30th of the next
         *     month, Vietnam time; Decree 337/2025 Art. 25.6), by its first version: ON_TIME (sent before the
         *     deadline), LATE (sent at or after it), MISSING (deadline passed, none sent), DUE (none sent yet,
         *     deadline not passed).
         * @enum {string}
         */
        ReportTimeliness: "ON_TIME" | "LATE" | "MISSING" | "DUE";
        /**
         * ProviderReport
         * @description One version of a provider's monthly report (DOMAIN.md F33). `timeliness` is decided by the
         *     first version (`firstSubmittedAt`), so a correction never makes an on-time report late.
         * @example {
         *       "reportId": "0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b",
         *       "providerId": "prov-econtract-demo",
         *       "period": "2026-01",
         *       "version": 1,
         *       "latestVersion": 1,
         *       "timeliness": "ON_TIME",
         *       "deadline": "2026-02-28T17:00:00Z",
         *       "firstSubmittedAt": "2026-02-10T03:00:00Z",
         *       "submittedAt": "2026-02-10T03:00:00Z",
         *       "submittedBy": "prov-econtract-demo",
         *       "figures": {
         *         "contractsHandled": 1250,
         *         "contractsSigned": 1180,
         *         "contractsSubmitted": 1176,
         *         "incidents": 1
         *       },
         *       "text": "Service available 99.95% of the month; one 40-minute outage on 2026-01-12 (database failover)."
         *     }
         */
        ProviderReport: {
            /** Format: uuid */
            reportId: string;
            providerId: string;
            period: components["schemas"]["ReportingPeriod"];
            version: number;
            /** @description The highest version of the same provider and month; greater than `version` when corrected since. */
            latestVersion: number;
            timeliness: components["schemas"]["ReportTimeliness"];
            /**
             * Format: date-time
             * @description 00:00 on the 30th of the month after `period`, Vietnam time (1 March when that month is February); exclusive.
             */
            deadline: string;
            /** Format: date-time */
            firstSubmittedAt: string;
            /**
             * Format: date-time
             * @description When this version was sent.
             */
            submittedAt: string;
            /** @description Client id of the provider application that sent this version. */
            submittedBy: string;
            figures: components["schemas"]["ProviderReportFigures"];
            text: string;
            technicalAudit?: components["schemas"]["TechnicalAudit"];
        };
        /**
         * ProviderReportPage
         * @description One page of monthly reports (latest version of each), newest first (DOMAIN.md F33).
         */
        ProviderReportPage: {
            items: components["schemas"]["ProviderReport"][];
            /** @description Opaque cursor of the next page; null or absent on the last page. */
            nextCursor?: string | null;
        };
        /**
         * ProviderReportTracking
         * @description Who owes the monthly report on `period` and where each stands at `evaluatedAt` (the Platform's
         *     clock) (DOMAIN.md F33; Decree 337/2025 Art. 25.6). A provider owes it when it was registered
         *     before the month ended and not disconnected before it began.
         */
        ProviderReportTracking: {
            period: components["schemas"]["ReportingPeriod"];
            /** Format: date-time */
            deadline: string;
            /** Format: date-time */
            evaluatedAt: string;
            items: {
                providerId: string;
                providerName: string;
                timeliness: components["schemas"]["ReportTimeliness"];
                /**
                 * Format: uuid
                 * @description The latest version, when one was sent.
                 */
                reportId?: string;
                latestVersion?: number;
                /** Format: date-time */
                firstSubmittedAt?: string;
            }[];
        };
        /**
         * ViolationThresholds
         * @description The thresholds a violations report was made with (server settings HDLD_VIOLATION_*), recorded in
         *     the report so that it can be recomputed (DOMAIN.md F38).
         * @example {
         *       "failureRatePercent": 20,
         *       "minimumVolume": 20,
         *       "unexplainedAfterDays": 7,
         *       "lateSubmissions": 1
         *     }
         */
        ViolationThresholds: {
            /** @description FAILURE_RATE when failed / decided is strictly above this percentage (default 20)… */
            failureRatePercent: number;
            /** @description …and at least this many transactions received in the month were decided (default 20). */
            minimumVolume: number;
            /** @description UNEXPLAINED_FAILURES counts failed transactions still awaiting an explanation this many days after they failed, at the month's end (default 7). */
            unexplainedAfterDays: number;
            /** @description LATE_SUBMISSIONS when at least this many submissions of the month came more than 24 h after the last signature (default 1). */
            lateSubmissions: number;
        };
        /**
         * ViolationRule
         * @description A rule of the monthly violations report (DOMAIN.md F38): FAILURE_RATE (too many failed
         *     transactions), UNEXPLAINED_FAILURES (failures left without an explanation, F36),
         *     LATE_SUBMISSIONS (sent more than 24 h after the last signature), MONTHLY_REPORT_MISSING and
         *     MONTHLY_REPORT_LATE (the provider's report due during the month, Decree 337/2025 Art. 25.6).
         * @enum {string}
         */
        ViolationRule: "FAILURE_RATE" | "UNEXPLAINED_FAILURES" | "LATE_SUBMISSIONS" | "MONTHLY_REPORT_MISSING" | "MONTHLY_REPORT_LATE";
        /**
         * Violation
         * @description One rule a provider broke in the month, with what was observed and a sentence in the caller's language.
         * @example {
         *       "rule": "FAILURE_RATE",
         *       "failed": 14,
         *       "decided": 40,
         *       "detail": "14 of 40 decided transactions failed (35%), above 20%."
         *     }
         */
        Violation: {
            rule: components["schemas"]["ViolationRule"];
            /** @description UNEXPLAINED_FAILURES, LATE_SUBMISSIONS - how many transactions. */
            count?: number;
            /** @description FAILURE_RATE - failed transactions. */
            failed?: number;
            /** @description FAILURE_RATE - decided transactions. */
            decided?: number;
            period?: components["schemas"]["ReportingPeriod"];
            detail: string;
        };
        /**
         * ViolationFigures
         * @description What the month showed for one provider (DOMAIN.md F38). Transactions count by `receivedAt` in
         *     the month; a transaction is decided once it succeeded or failed, and counts as failed when it
         *     failed at least once (a failure pushed again since still happened).
         */
        ViolationFigures: {
            decided: number;
            failed: number;
            /** @description failed / decided in percent, two decimals; 0 without decided transactions. */
            failureRatePercent: number;
            lateSubmissions: number;
            /** @description Failed transactions of any month still awaiting an explanation (or explained and rejected) when the report was made, that failed at least `unexplainedAfterDays` before the month's end. */
            unexplainedFailures: number;
            /** @description The provider's monthly report that fell due during the month (the one on the month before), as it stood at the month's end; absent when not owed. */
            monthlyReport?: {
                period: components["schemas"]["ReportingPeriod"];
                timeliness: components["schemas"]["ReportTimeliness"];
            };
        };
        /**
         * ViolationActionRequest
         * @description What the operator decides about a provider of the report: suspend or disconnect it, with the
         *     reason notified to it (Decree 337/2025 Art. 15.4; DOMAIN.md F38, F39).
         * @example {
         *       "status": "SUSPENDED",
         *       "reason": "Violations report 2026-02 - failure rate 35% and 6 failed transactions left unexplained."
         *     }
         */
        ViolationActionRequest: {
            /** @enum {string} */
            status: "SUSPENDED" | "DISCONNECTED";
            reason: string;
        };
        /**
         * ViolationAction
         * @description A step an operator took on a provider from the report, with who and when.
         */
        ViolationAction: {
            /** @enum {string} */
            status: "SUSPENDED" | "DISCONNECTED";
            reason: string;
            /** @description Id of the Ministry operator. */
            takenBy: string;
            /** Format: date-time */
            takenAt: string;
        };
        /**
         * ViolationLine
         * @description One violating provider in a violations report (DOMAIN.md F38).
         * @example {
         *       "providerId": "prov-econtract-demo",
         *       "providerName": "Công ty eContract Demo",
         *       "providerStatus": "ACTIVE",
         *       "figures": {
         *         "decided": 40,
         *         "failed": 14,
         *         "failureRatePercent": 35,
         *         "lateSubmissions": 0,
         *         "unexplainedFailures": 6,
         *         "monthlyReport": {
         *           "period": "2026-01",
         *           "timeliness": "ON_TIME"
         *         }
         *       },
         *       "violations": [
         *         {
         *           "rule": "FAILURE_RATE",
         *           "failed": 14,
         *           "decided": 40,
         *           "detail": "14 of 40 decided transactions failed (35%), above 20%."
         *         },
         *         {
         *           "rule": "UNEXPLAINED_FAILURES",
         *           "count": 6,
         *           "detail": "6 failed transactions were still unexplained 7 days after they failed."
         *         }
         *       ],
         *       "actions": []
         *     }
         */
        ViolationLine: {
            providerId: string;
            providerName: string;
            /** @description Connection status when the report was made. */
            providerStatus: components["schemas"]["ProviderStatus"];
            figures: components["schemas"]["ViolationFigures"];
            violations: components["schemas"]["Violation"][];
            /** @description What operators did about it from this report, oldest first. */
            actions: components["schemas"]["ViolationAction"][];
        };
        /**
         * ViolationReport
         * @description The report of violating providers on one month (DOMAIN.md F38), made on the 1st of the next
         *     month (00:00 Vietnam time, Asia/Ho_Chi_Minh, UTC+7) by the Platform's scheduler, or on demand by
         *     an operator. Version 1 is the scheduler's; an operator's regeneration adds a new version and
         *     keeps the earlier ones. A provider sees its own line only (none when it broke no rule).
         * @example {
         *       "reportId": "0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b",
         *       "period": "2026-02",
         *       "version": 1,
         *       "latestVersion": 1,
         *       "timeZone": "Asia/Ho_Chi_Minh",
         *       "periodStart": "2026-01-31T17:00:00Z",
         *       "periodEnd": "2026-02-28T17:00:00Z",
         *       "generatedAt": "2026-02-28T17:00:02Z",
         *       "generatedBy": "scheduler",
         *       "thresholds": {
         *         "failureRatePercent": 20,
         *         "minimumVolume": 20,
         *         "unexplainedAfterDays": 7,
         *         "lateSubmissions": 1
         *       },
         *       "providersEvaluated": 12,
         *       "lines": [
         *         {
         *           "providerId": "prov-econtract-demo",
         *           "providerName": "Công ty eContract Demo",
         *           "providerStatus": "ACTIVE",
         *           "figures": {
         *             "decided": 40,
         *             "failed": 14,
         *             "failureRatePercent": 35,
         *             "lateSubmissions": 0,
         *             "unexplainedFailures": 6,
         *             "monthlyReport": {
         *               "period": "2026-01",
         *               "timeliness": "MISSING"
         *             }
         *           },
         *           "violations": [
         *             {
         *               "rule": "FAILURE_RATE",
         *               "failed": 14,
         *               "decided": 40,
         *               "detail": "14 of 40 decided transactions failed (35%), above 20%."
         *             },
         *             {
         *               "rule": "UNEXPLAINED_FAILURES",
         *               "count": 6,
         *               "detail": "6 failed transactions were still unexplained 7 days after they failed."
         *             },
         *             {
         *               "rule": "MONTHLY_REPORT_MISSING",
         *               "period": "2026-01",
         *               "detail": "The monthly report on 2026-01 was not sent before its deadline."
         *             }
         *           ],
         *           "actions": []
         *         }
         *       ]
         *     }
         */
        ViolationReport: {
            /** Format: uuid */
            reportId: string;
            period: components["schemas"]["ReportingPeriod"];
            version: number;
            latestVersion: number;
            /** @enum {string} */
            timeZone: "Asia/Ho_Chi_Minh";
            /** Format: date-time */
            periodStart: string;
            /**
             * Format: date-time
             * @description Exclusive; the instant the month's figures are evaluated at.
             */
            periodEnd: string;
            /** Format: date-time */
            generatedAt: string;
            /** @description `scheduler`, or the id of the operator who asked for it. */
            generatedBy: string;
            thresholds: components["schemas"]["ViolationThresholds"];
            /** @description Providers connected during the month (registered before its end, not disconnected before its start). */
            providersEvaluated: number;
            lines: components["schemas"]["ViolationLine"][];
        };
        /**
         * ViolationReportPage
         * @description One page of violations reports (every version), newest first (DOMAIN.md F38).
         */
        ViolationReportPage: {
            items: components["schemas"]["ViolationReport"][];
            /** @description Opaque cursor of the next page; null or absent on the last page. */
            nextCursor?: string | null;
        };
        /**
         * ViolationReportRequest
         * @description Makes the violations report on a month that has ended (DOMAIN.md F38), or returns the one that
         *     exists. `regenerate` makes a new version from today's data, keeping the earlier ones.
         * @example {
         *       "period": "2026-02"
         *     }
         */
        ViolationReportRequest: {
            /** @description Default the month before the current one (Vietnam time). */
            period?: components["schemas"]["ReportingPeriod"];
            /** @default false */
            regenerate: boolean;
        };
        /**
         * NotificationStatus
         * @description Delivery state of a notification (DOMAIN.md F4, F39, T14): PENDING until delivered (SENT) or
         *     given up after its last attempt or a permanent refusal (FAILED).
         * @enum {string}
         */
        NotificationStatus: "PENDING" | "SENT" | "FAILED";
        /**
         * NotificationChannel
         * @description EMAIL to the provider's contact address (F39), or WEBHOOK to its callback URL (F4).
         * @enum {string}
         */
        NotificationChannel: "EMAIL" | "WEBHOOK";
        /**
         * NotificationKind
         * @description What the notification is about: the provider's connection was suspended, restored or terminated
         *     (F39; Decree 337/2025 Art. 15.4), an explanation of failed transactions was approved or rejected
         *     (F37), or a transaction reached its final state (F4 "sync result", webhook).
         * @enum {string}
         */
        NotificationKind: "PROVIDER_SUSPENDED" | "PROVIDER_RESTORED" | "PROVIDER_DISCONNECTED" | "EXPLANATION_APPROVED" | "EXPLANATION_REJECTED" | "TRANSACTION_COMPLETED";
        /**
         * Notification
         * @description One message the Platform sends a provider (DOMAIN.md F4, F39, T14), recorded in the same database
         *     transaction as the event that caused it and delivered from a durable outbox. E-mails are
         *     bilingual (Vietnamese first, then English); `text` is the plain-text body. For a webhook, `text`
         *     is the exact JSON body that was signed and posted, and `messageId` its `Hdld-Webhook-Id`.
         * @example {
         *       "notificationId": "0192f0e1-7a8b-7c9d-8e0f-1a2b3c4d5e6f",
         *       "providerId": "prov-econtract-demo",
         *       "channel": "EMAIL",
         *       "kind": "PROVIDER_SUSPENDED",
         *       "recipient": "ops@econtract-demo.invalid",
         *       "subject": "[Nền tảng HĐLĐ điện tử] Thông báo tạm ngừng kết nối / Connection suspended",
         *       "text": "THÔNG BÁO TẠM NGỪNG KẾT NỐI\n\nKính gửi Công ty eContract Demo (mã nhà cung cấp: prov-econtract-demo), ...",
         *       "status": "SENT",
         *       "attempts": 1,
         *       "createdAt": "2026-03-01T01:00:00Z",
         *       "sentAt": "2026-03-01T01:00:02Z",
         *       "messageId": "<0192f0e1-7a8b-7c9d-8e0f-1a2b3c4d5e6f@hdld.invalid>"
         *     }
         */
        Notification: {
            /** Format: uuid */
            notificationId: string;
            providerId: string;
            channel: components["schemas"]["NotificationChannel"];
            kind: components["schemas"]["NotificationKind"];
            /** @description The provider's contact e-mail, or the callback URL configured when the event happened. */
            recipient: string;
            /** @description E-mails only. */
            subject?: string;
            text: string;
            status: components["schemas"]["NotificationStatus"];
            /** @description Delivery attempts so far. */
            attempts: number;
            /**
             * Format: date-time
             * @description When the event happened.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description PENDING only; when the next attempt is due (retries back off exponentially).
             */
            nextAttemptAt?: string;
            /** Format: date-time */
            sentAt?: string;
            /** Format: date-time */
            failedAt?: string;
            /** @description Why the last attempt failed (an SMTP reply or an HTTP status), without secrets. */
            lastError?: string;
            /**
             * @description The e-mail's Message-ID or the webhook's Hdld-Webhook-Id, fixed at the first attempt and the
             *     same on every retry, so a receiver can drop a copy it already has.
             */
            messageId?: string;
        };
        /**
         * NotificationPage
         * @description One page of notifications (DOMAIN.md F4, F39, T14), newest first.
         */
        NotificationPage: {
            items: components["schemas"]["Notification"][];
            /** @description Opaque cursor of the next page; null or absent on the last page. */
            nextCursor?: string | null;
        };
        /**
         * ProviderTechnicalInfo
         * @description A provider's technical information (DOMAIN.md N8, S2.3): where the Platform posts signed
         *     transaction results (F4) and the addresses the provider calls from. Replaces both values.
         * @example {
         *       "callbackUrl": "https://econtract-demo.invalid/hooks/hdld",
         *       "ipAllowList": [
         *         "203.0.113.0/24",
         *         "2001:db8:1::/48"
         *       ]
         *     }
         */
        ProviderTechnicalInfo: {
            /**
             * Format: uri
             * @description HTTPS URL receiving `transactionCompleted` webhooks (http is accepted in the sandbox only);
             *     null or absent removes it. No credentials and no fragment in the URL. Webhooks are sent once
             *     a webhook secret was also made (`rotateWebhookSecret`).
             */
            callbackUrl?: string | null;
            /**
             * @description IPv4 or IPv6 CIDRs (`203.0.113.0/24`, `2001:db8::/32`; a bare address means that address
             *     only) the provider's calls and token requests must come from; empty allows any address.
             *     Others are refused with `IP_NOT_ALLOWED`.
             */
            ipAllowList: string[];
        };
        /**
         * WebhookSecret
         * @description A new webhook secret (DOMAIN.md F4), shown this once: the Platform keeps it sealed and never
         *     returns it again. Verify deliveries with it (`verifyWebhook` of @hdld/sdk); it replaces the
         *     previous secret at once.
         * @example {
         *       "secret": "whsec_3q2-7wD4xJxv8cH0l9QmC1n5y0bT6rKfE2aGzUoPq8s",
         *       "createdAt": "2026-03-05T08:00:00Z"
         *     }
         */
        WebhookSecret: {
            secret: string;
            /** Format: date-time */
            createdAt: string;
        };
        /**
         * WebhookEvent
         * @description The body the Platform posts to a provider's callback URL when one of its transactions reaches a
         *     final state (DOMAIN.md F4 "sync result", T10). Receivers verify `Hdld-Signature` over the raw
         *     body, drop a `Hdld-Webhook-Id` they already handled (a delivery may be repeated), answer 2xx
         *     quickly, and ignore fields they do not know.
         * @example {
         *       "event": "transaction.completed",
         *       "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
         *       "providerReference": "HD-2026-000123",
         *       "status": "SUCCEEDED",
         *       "contractId": "2604173920581648",
         *       "occurredAt": "2026-03-02T08:15:31Z"
         *     }
         */
        WebhookEvent: {
            /** @enum {string} */
            event: "transaction.completed";
            /** Format: uuid */
            transactionId: string;
            providerReference: components["schemas"]["ProviderReference"];
            /** @enum {string} */
            status: "SUCCEEDED" | "FAILED";
            contractId?: components["schemas"]["ContractId"];
            failureClass?: components["schemas"]["FailureClass"];
            /** Format: date-time */
            occurredAt: string;
        };
    };
    responses: {
        /** @description An RFC 9457 problem with a stable catalog `code`. */
        Problem: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://hdld.invalid/problems/TRANSACTION_NOT_FOUND",
                 *       "title": "Transaction not found",
                 *       "status": 404,
                 *       "code": "TRANSACTION_NOT_FOUND",
                 *       "detail": "No transaction 0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e exists for this provider.",
                 *       "instance": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                 *       "requestId": "req-7f3a9c"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request does not match the API schema (`REQUEST_INVALID`, T9); `errors[]` lists each field. */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Missing, invalid or expired access token (`UNAUTHENTICATED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`). */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Client authentication failed (`CLIENT_AUTH_FAILED`). */
        ClientAuthFailed: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Not allowed: missing scope or another provider's resource (`FORBIDDEN`), the provider's connection is suspended or terminated (`PROVIDER_SUSPENDED`, `PROVIDER_DISCONNECTED`, Decree 337/2025 Art. 15.4), or the call comes from outside the provider's IP allow-list (`IP_NOT_ALLOWED`, N8). */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Refused outside sandbox mode (`SANDBOX_ONLY`), or missing scope (`FORBIDDEN`). */
        SandboxOnly: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such transaction for this provider (`TRANSACTION_NOT_FOUND`). */
        TransactionNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such contract ID, or not visible to this provider (`CONTRACT_NOT_FOUND`). */
        ContractNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such contract or document (`CONTRACT_NOT_FOUND`, `DOCUMENT_NOT_FOUND`). */
        DocumentNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The Idempotency-Key was already used with a different body (`IDEMPOTENCY_KEY_REUSED`), or a request with the same key is still in progress (`IDEMPOTENCY_KEY_IN_USE`; retry after `Retry-After`), or the provider reference holds other content (`DUPLICATE_PROVIDER_REFERENCE`; a failed transaction's reference takes a corrected package once its re-push is approved, F36, F37). */
        IdempotencyConflict: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request body exceeds its limit (`PAYLOAD_TOO_LARGE`: 16 MiB for one submission; `BATCH_TOO_LARGE`: 50 items or 32 MiB for a batch). */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The batch exceeds 50 items or 32 MiB (`BATCH_TOO_LARGE`, T5). */
        BatchTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Wrong Content-Type (`UNSUPPORTED_MEDIA_TYPE`). */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Rate limit reached (`RATE_LIMITED`); retry after `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Temporarily unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds with the same Idempotency-Key. */
        ServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Unexpected error (`INTERNAL_ERROR`); retry with the same Idempotency-Key and report the requestId if it persists. */
        InternalError: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such explanation visible to the caller (`EXPLANATION_NOT_FOUND`). */
        ExplanationNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such provider visible to the caller (`PROVIDER_NOT_FOUND`). */
        ProviderNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The transaction is not FAILED with an approved explanation (`REPUSH_NOT_APPROVED`, DOMAIN.md F37). */
        RepushNotApproved: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The explanation already has the other decision (`EXPLANATION_ALREADY_DECIDED`). */
        ExplanationAlreadyDecided: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A listed transaction is not FAILED awaiting explanation (`TRANSACTION_NOT_AWAITING_EXPLANATION`, DOMAIN.md F36). */
        TransactionNotAwaitingExplanation: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The provider cannot move to that status (`PROVIDER_STATUS_TRANSITION_INVALID`): DISCONNECTED is final. */
        ProviderStatusTransitionInvalid: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such monthly report visible to the caller (`PROVIDER_REPORT_NOT_FOUND`). */
        ProviderReportNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The month's report was already sent with other content and `replacesVersion` is not its latest
         *     version (`PROVIDER_REPORT_CONFLICT`), the month has not ended (`REPORTING_PERIOD_NOT_ENDED`), or
         *     the Idempotency-Key was used for another request (`IDEMPOTENCY_KEY_REUSED`, `IDEMPOTENCY_KEY_IN_USE`).
         */
        ProviderReportConflict: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The month has not ended yet on the Platform's clock (`REPORTING_PERIOD_NOT_ENDED`). */
        ReportingPeriodNotEnded: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The attachment's bytes do not hash to the SHA-256 sent with it (`ATTACHMENT_DIGEST_MISMATCH`). */
        AttachmentDigestMismatch: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such violations report, or no line for that provider in it (`VIOLATION_REPORT_NOT_FOUND`). */
        ViolationReportNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description Received, checked and final within the `Prefer: wait` time: the transaction, as `getTransaction`
         *     returns it, SUCCEEDED with its `contractId` or FAILED with its `errors` (T10), with its signed
         *     receipt. The same transaction stays readable at `Location`.
         */
        SubmissionCompleted: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                Location: components["headers"]["Location"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                 *       "kind": "CONTRACT",
                 *       "status": "SUCCEEDED",
                 *       "providerReference": "HD-2026-000123",
                 *       "contractId": "2604173920581648",
                 *       "receivedAt": "2026-03-02T08:15:30Z",
                 *       "completedAt": "2026-03-02T08:15:30Z",
                 *       "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                 *       "late": false,
                 *       "replay": false,
                 *       "errors": []
                 *     }
                 */
                "application/json": components["schemas"]["Transaction"];
            };
        };
    };
    parameters: {
        /**
         * @description Transaction id returned in the submission acknowledgement.
         * @example 0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e
         */
        TransactionId: string;
        /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
        AcceptLanguage: string;
        /**
         * @description Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating
         *     a request with the same key and the same body returns the stored response (its status and
         *     body, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different
         *     body is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.
         */
        IdempotencyKey: components["schemas"]["IdempotencyKey"];
        ContractIdPath: string;
        /**
         * @description A `documentId` from the contract's `documents`.
         * @example doc-01HQ4ZK8
         */
        DocumentId: string;
        ProviderIdPath: string;
        /** @description Operators only; one provider instead of every provider. A provider always sees itself only, whatever it passes. */
        ProviderIdFilter: string;
        ExplanationIdPath: string;
        ProviderReportIdPath: string;
        ViolationReportIdPath: string;
        /** @description Only this month (`YYYY-MM`, Vietnam time). */
        PeriodFilter: components["schemas"]["ReportingPeriod"];
        ProviderReferencePath: string;
        /** @description `nextCursor` of the previous page; omit for the first page. */
        Cursor: string;
        /** @description Page size. */
        Limit: number;
        /**
         * @description `wait=N` (RFC 7240): the caller would rather wait up to N seconds (at most 10; a larger N is read
         *     as 10) for the outcome than poll for it. When the transaction is final (SUCCEEDED or FAILED)
         *     within that time the answer is `201` with the transaction, as `getTransaction` returns it;
         *     otherwise `202` with the acknowledgement, as without the header. Other preferences are ignored.
         *     Only a new submission waits: a repeated one (the same package, or a retry with the same
         *     Idempotency-Key) is answered at once, as without the header.
         */
        PreferWait: string;
        /** @description The contract's national ID (16 digits, without separators). */
        ContractId: components["schemas"]["ContractId"];
        /** @description The provider's own reference, percent-encoded (for example `/` as `%2F`). */
        ProviderReference: components["schemas"]["ProviderReference"];
        /**
         * @description Explanation id returned when it was submitted.
         * @example 0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b
         */
        ExplanationId: string;
        /**
         * @description The provider's id in the registry.
         * @example prov-econtract-demo
         */
        ProviderId: string;
        /**
         * @description The `reportId` of one version of a monthly report.
         * @example 0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b
         */
        ProviderReportId: string;
        /**
         * @description The `reportId` of one version of a violations report.
         * @example 0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b
         */
        ViolationReportId: string;
    };
    requestBodies: never;
    headers: {
        "X-Request-Id": unknown;
        "Retry-After": unknown;
        /**
         * @description The transaction resource to poll for the outcome.
         * @example /v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e
         */
        Location: string;
        "Idempotent-Replayed": unknown;
        /**
         * @description Strong entity tag, the quoted lowercase hexadecimal SHA-256 of the file.
         * @example "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
         */
        ETag: string;
        /**
         * @description SHA-256 of the file (RFC 3230 instance digest, base64), `sha-256=<base64>`.
         * @example sha-256=OnvT4jYKPSnupDb8+35ExzXRF8QtHBg1QgtrmULdTxs=
         */
        Digest: string;
        /**
         * @description Id of this request in the Platform's logs (T11); quote it when reporting a problem.
         * @example req-7f3a9c
         */
        XRequestId: string;
        /**
         * @description Seconds to wait before retrying (RFC 9110 section 10.2.3).
         * @example 30
         */
        RetryAfter: number;
        /**
         * @description `true` when this is the stored response of an earlier request with the same Idempotency-Key and body.
         * @example false
         */
        IdempotentReplayed: "true" | "false";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createToken: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating
                 *     a request with the same key and the same body returns the stored response (its status and
                 *     body, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different
                 *     body is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The access token. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /**
                     * @description Always `no-store` (RFC 6749 section 5.1).
                     * @example no-store
                     */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access_token": "eyJhbGciOiJFZERTQSIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJwcm92LWVjb250cmFjdC1kZW1vIn0.c2lnbmF0dXJl",
                     *       "token_type": "Bearer",
                     *       "expires_in": 900,
                     *       "scope": "contracts:write contracts:read"
                     *     }
                     */
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["ClientAuthFailed"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCaller: {
        parameters: {
            query?: never;
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Caller"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    submitContract: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating
                 *     a request with the same key and the same body returns the stored response (its status and
                 *     body, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different
                 *     body is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description `wait=N` (RFC 7240): the caller would rather wait up to N seconds (at most 10; a larger N is read
                 *     as 10) for the outcome than poll for it. When the transaction is final (SUCCEEDED or FAILED)
                 *     within that time the answer is `201` with the transaction, as `getTransaction` returns it;
                 *     otherwise `202` with the acknowledgement, as without the header. Other preferences are ignored.
                 *     Only a new submission waits: a repeated one (the same package, or a retry with the same
                 *     Idempotency-Key) is answered at once, as without the header.
                 */
                Prefer?: components["parameters"]["PreferWait"];
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractSubmission"];
            };
        };
        responses: {
            /** @description The same package (provider reference and body) sent again without its first Idempotency-Key; the existing transaction's acknowledgement, no new transaction. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *       "kind": "CONTRACT",
                     *       "receivedAt": "2026-03-02T08:15:30Z",
                     *       "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *       "providerReference": "HD-2026-000123",
                     *       "status": "RECEIVED",
                     *       "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *       "retryAfterSeconds": 2
                     *     }
                     */
                    "application/json": components["schemas"]["SubmissionAcknowledgement"];
                };
            };
            201: components["responses"]["SubmissionCompleted"];
            /** @description Received and queued; the outcome follows asynchronously (poll `Location`). */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    Location: components["headers"]["Location"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *       "kind": "CONTRACT",
                     *       "receivedAt": "2026-03-02T08:15:30Z",
                     *       "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *       "providerReference": "HD-2026-000123",
                     *       "status": "RECEIVED",
                     *       "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *       "retryAfterSeconds": 2
                     *     }
                     */
                    "application/json": components["schemas"]["SubmissionAcknowledgement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    submitContractBatch: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating
                 *     a request with the same key and the same body returns the stored response (its status and
                 *     body, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different
                 *     body is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchSubmission"];
            };
        };
        responses: {
            /** @description Replay of an earlier batch with the same Idempotency-Key and body; the stored results. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "index": 0,
                     *           "providerReference": "HD-2026-000123",
                     *           "acknowledgement": {
                     *             "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *             "kind": "CONTRACT",
                     *             "receivedAt": "2026-03-02T08:15:30Z",
                     *             "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *             "providerReference": "HD-2026-000123",
                     *             "status": "RECEIVED",
                     *             "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["BatchAcknowledgement"];
                };
            };
            /** @description Items received; one result per item. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "index": 0,
                     *           "providerReference": "HD-2026-000123",
                     *           "acknowledgement": {
                     *             "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *             "kind": "CONTRACT",
                     *             "receivedAt": "2026-03-02T08:15:30Z",
                     *             "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *             "providerReference": "HD-2026-000123",
                     *             "status": "RECEIVED",
                     *             "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *             "retryAfterSeconds": 2
                     *           }
                     *         },
                     *         {
                     *           "index": 1,
                     *           "providerReference": "HD-2026-000124",
                     *           "problem": {
                     *             "type": "https://hdld.invalid/problems/REQUEST_INVALID",
                     *             "title": "The request does not match the API schema",
                     *             "status": 400,
                     *             "code": "REQUEST_INVALID",
                     *             "detail": "1 field is invalid.",
                     *             "errors": [
                     *               {
                     *                 "code": "REQUEST_INVALID",
                     *                 "detail": "must match pattern \"^[0-9]{16}$\"",
                     *                 "pointer": "/items/1/mainData/employee/identity/number"
                     *               }
                     *             ]
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["BatchAcknowledgement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["BatchTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    submitConvertedPaperContract: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating
                 *     a request with the same key and the same body returns the stored response (its status and
                 *     body, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different
                 *     body is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description `wait=N` (RFC 7240): the caller would rather wait up to N seconds (at most 10; a larger N is read
                 *     as 10) for the outcome than poll for it. When the transaction is final (SUCCEEDED or FAILED)
                 *     within that time the answer is `201` with the transaction, as `getTransaction` returns it;
                 *     otherwise `202` with the acknowledgement, as without the header. Other preferences are ignored.
                 *     Only a new submission waits: a repeated one (the same package, or a retry with the same
                 *     Idempotency-Key) is answered at once, as without the header.
                 */
                Prefer?: components["parameters"]["PreferWait"];
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConvertedPaperSubmission"];
            };
        };
        responses: {
            /** @description The same package (provider reference and body) sent again without its first Idempotency-Key; the existing transaction's acknowledgement, no new transaction. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *       "kind": "CONVERTED_PAPER",
                     *       "receivedAt": "2026-03-02T08:15:30Z",
                     *       "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *       "providerReference": "HD-GIAY-2019-045",
                     *       "status": "RECEIVED",
                     *       "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *       "retryAfterSeconds": 2
                     *     }
                     */
                    "application/json": components["schemas"]["SubmissionAcknowledgement"];
                };
            };
            201: components["responses"]["SubmissionCompleted"];
            /** @description Received and queued; the outcome follows asynchronously (poll `Location`). */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    Location: components["headers"]["Location"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *       "kind": "CONVERTED_PAPER",
                     *       "receivedAt": "2026-03-02T08:15:30Z",
                     *       "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *       "providerReference": "HD-GIAY-2019-045",
                     *       "status": "RECEIVED",
                     *       "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *       "retryAfterSeconds": 2
                     *     }
                     */
                    "application/json": components["schemas"]["SubmissionAcknowledgement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getContract: {
        parameters: {
            query?: never;
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                /** @description The contract's national ID (16 digits, without separators). */
                contractId: components["parameters"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ContractNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    submitLifecycleDocument: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating
                 *     a request with the same key and the same body returns the stored response (its status and
                 *     body, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different
                 *     body is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description `wait=N` (RFC 7240): the caller would rather wait up to N seconds (at most 10; a larger N is read
                 *     as 10) for the outcome than poll for it. When the transaction is final (SUCCEEDED or FAILED)
                 *     within that time the answer is `201` with the transaction, as `getTransaction` returns it;
                 *     otherwise `202` with the acknowledgement, as without the header. Other preferences are ignored.
                 *     Only a new submission waits: a repeated one (the same package, or a retry with the same
                 *     Idempotency-Key) is answered at once, as without the header.
                 */
                Prefer?: components["parameters"]["PreferWait"];
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                /** @description The contract's national ID (16 digits, without separators). */
                contractId: components["parameters"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LifecycleSubmission"];
            };
        };
        responses: {
            /** @description The same package (provider reference and body) sent again without its first Idempotency-Key; the existing transaction's acknowledgement, no new transaction. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *       "kind": "LIFECYCLE",
                     *       "receivedAt": "2026-03-02T08:15:30Z",
                     *       "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *       "providerReference": "HD-2026-000123-PL01",
                     *       "status": "RECEIVED",
                     *       "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *       "retryAfterSeconds": 2
                     *     }
                     */
                    "application/json": components["schemas"]["SubmissionAcknowledgement"];
                };
            };
            201: components["responses"]["SubmissionCompleted"];
            /** @description Received and queued; the outcome follows asynchronously (poll `Location`). */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    Location: components["headers"]["Location"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *       "kind": "LIFECYCLE",
                     *       "receivedAt": "2026-03-02T08:15:30Z",
                     *       "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *       "providerReference": "HD-2026-000123-PL01",
                     *       "status": "RECEIVED",
                     *       "statusUrl": "/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *       "retryAfterSeconds": 2
                     *     }
                     */
                    "application/json": components["schemas"]["SubmissionAcknowledgement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ContractNotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    downloadDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier download. */
                "If-None-Match"?: string;
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                /** @description The contract's national ID (16 digits, without separators). */
                contractId: components["parameters"]["ContractId"];
                /**
                 * @description A `documentId` from the contract's `documents`.
                 * @example doc-01HQ4ZK8
                 */
                documentId: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; the media type is the document's `mediaType`. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    ETag: components["headers"]["ETag"];
                    Digest: components["headers"]["Digest"];
                    /**
                     * @description `attachment` with the document's file name (RFC 6266).
                     * @example attachment; filename="HD-123-2026.pdf"
                     */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example %PDF-1.7 ... */
                    "application/pdf": string;
                    "application/pkcs7-mime": string;
                    "application/json": string;
                };
            };
            /** @description Not modified (the `If-None-Match` ETag matches). */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["DocumentNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listTransactions: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                status?: components["schemas"]["TransactionStatus"];
                kind?: components["schemas"]["TransactionKind"];
                /** @description Only FAILED transactions of this class (T10 format, business, file or signature errors). */
                failureClass?: components["schemas"]["FailureClass"];
                receivedFrom?: string;
                receivedTo?: string;
                explanationStatus?: components["schemas"]["ExplanationStatus"];
                /** @description Only duplicates (`true`, a document already registered, F9) or only the others (`false`). */
                replay?: boolean;
                /** @description Operators only; one provider instead of every provider. A provider always sees itself only, whatever it passes. */
                providerId?: components["parameters"]["ProviderIdFilter"];
                providerReference?: components["schemas"]["ProviderReference"];
            };
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of transactions. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *           "kind": "CONTRACT",
                     *           "status": "SUCCEEDED",
                     *           "providerReference": "HD-2026-000123",
                     *           "contractId": "2604173920581648",
                     *           "receivedAt": "2026-03-02T08:15:30Z",
                     *           "completedAt": "2026-03-02T08:15:31Z",
                     *           "lastSignedAt": "2026-03-02T01:01:12Z",
                     *           "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *           "late": false,
                     *           "replay": false,
                     *           "errors": [],
                     *           "receipt": "eyJhbGciOiJFZERTQSIsImtpZCI6InBsYXRmb3JtLTIwMjYtMDEifQ.eyJvdXRjb21lIjoiSVNTVUVEIn0.c2lnbmF0dXJl"
                     *         },
                     *         {
                     *           "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                     *           "kind": "CONTRACT",
                     *           "status": "FAILED",
                     *           "failureClass": "SIGNATURE",
                     *           "providerReference": "HD-2026-000122",
                     *           "receivedAt": "2026-03-02T08:10:00Z",
                     *           "completedAt": "2026-03-02T08:10:02Z",
                     *           "payloadSha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                     *           "late": false,
                     *           "replay": false,
                     *           "errors": [
                     *             {
                     *               "code": "TIMESTAMP_MISSING",
                     *               "detail": "The employee's signature has no timestamp.",
                     *               "location": {
                     *                 "document": "HD-122-2026.pdf",
                     *                 "page": 3,
                     *                 "field": "Signature2"
                     *               }
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "nextCursor": "eyJyIjoiMjAyNi0wMy0wMlQwODoxMDowMFoifQ"
                     *     }
                     */
                    "application/json": components["schemas"]["TransactionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTransactionByReference: {
        parameters: {
            query?: never;
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                /** @description The provider's own reference, percent-encoded (for example `/` as `%2F`). */
                providerReference: components["parameters"]["ProviderReference"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest transaction with this reference. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "transactionId": "0192f0c6-3c4d-7e5f-a061-7b8c9d0e1f2a",
                     *       "kind": "LIFECYCLE",
                     *       "lifecycleType": "AMENDMENT",
                     *       "targetContractId": "2604173920581648",
                     *       "contractId": "2604173920581648",
                     *       "status": "PROCESSING",
                     *       "providerReference": "HD-2026-000123-PL01",
                     *       "receivedAt": "2026-09-01T02:00:00Z",
                     *       "lastSignedAt": "2026-08-31T09:30:00Z",
                     *       "payloadSha256": "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9",
                     *       "late": false,
                     *       "replay": false,
                     *       "errors": [],
                     *       "retryAfterSeconds": 2
                     *     }
                     */
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TransactionNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTransaction: {
        parameters: {
            query?: never;
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                /**
                 * @description Transaction id returned in the submission acknowledgement.
                 * @example 0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e
                 */
                transactionId: components["parameters"]["TransactionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transaction. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "transactionId": "0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e",
                     *       "kind": "CONTRACT",
                     *       "status": "SUCCEEDED",
                     *       "providerReference": "HD-2026-000123",
                     *       "contractId": "2604173920581648",
                     *       "receivedAt": "2026-03-02T08:15:30Z",
                     *       "completedAt": "2026-03-02T08:15:31Z",
                     *       "payloadSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *       "late": false,
                     *       "replay": false,
                     *       "errors": []
                     *     }
                     */
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Problem"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    repushTransaction: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating
                 *     a request with the same key and the same body returns the stored response (its status and
                 *     body, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different
                 *     body is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                /**
                 * @description Transaction id returned in the submission acknowledgement.
                 * @example 0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e
                 */
                transactionId: components["parameters"]["TransactionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Already pushed again; the transaction as it stands. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                     *       "kind": "CONTRACT",
                     *       "status": "SUCCEEDED",
                     *       "explanationStatus": "REPUSHED",
                     *       "providerReference": "HD-2026-000122",
                     *       "contractId": "2604173920581648",
                     *       "receivedAt": "2026-03-02T08:10:00Z",
                     *       "completedAt": "2026-03-03T11:00:02Z",
                     *       "payloadSha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                     *       "late": false,
                     *       "replay": false,
                     *       "errors": []
                     *     }
                     */
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            /** @description Queued for processing again. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                     *       "kind": "CONTRACT",
                     *       "status": "RECEIVED",
                     *       "explanationStatus": "REPUSHED",
                     *       "providerReference": "HD-2026-000122",
                     *       "receivedAt": "2026-03-02T08:10:00Z",
                     *       "payloadSha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                     *       "late": false,
                     *       "replay": false,
                     *       "errors": [],
                     *       "retryAfterSeconds": 1
                     *     }
                     */
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TransactionNotFound"];
            409: components["responses"]["RepushNotApproved"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getReconciliation: {
        parameters: {
            query?: {
                /** @description Operators only; one provider instead of every provider. A provider always sees itself only, whatever it passes. */
                providerId?: components["parameters"]["ProviderIdFilter"];
                /** @description Start of the period, inclusive. */
                from?: string;
                /** @description End of the period, exclusive; after `from`. */
                to?: string;
            };
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reconciliation report. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "from": "2026-03-01T00:00:00+07:00",
                     *       "to": "2026-04-01T00:00:00+07:00",
                     *       "generatedAt": "2026-04-01T01:00:00Z",
                     *       "providers": [
                     *         {
                     *           "providerId": "prov-econtract-demo",
                     *           "providerName": "Công ty eContract Demo",
                     *           "providerStatus": "ACTIVE",
                     *           "figures": {
                     *             "received": 120,
                     *             "notProcessed": 1,
                     *             "processing": 2,
                     *             "succeeded": 110,
                     *             "failed": 7,
                     *             "awaitingExplanation": 3,
                     *             "failuresByCode": [
                     *               {
                     *                 "code": "SIGNATURE_PARTY_MISSING",
                     *                 "count": 4
                     *               },
                     *               {
                     *                 "code": "IDENTITY_NOT_FOUND",
                     *                 "count": 3
                     *               }
                     *             ]
                     *           },
                     *           "apiCalls": 250,
                     *           "transactionsUrl": "/v1/transactions?providerId=prov-econtract-demo&receivedFrom=2026-02-28T17%3A00%3A00.000Z&receivedTo=2026-03-31T17%3A00%3A00.000Z",
                     *           "failedTransactionsUrl": "/v1/transactions?providerId=prov-econtract-demo&receivedFrom=2026-02-28T17%3A00%3A00.000Z&receivedTo=2026-03-31T17%3A00%3A00.000Z&status=FAILED"
                     *         }
                     *       ],
                     *       "totals": {
                     *         "received": 120,
                     *         "notProcessed": 1,
                     *         "processing": 2,
                     *         "succeeded": 110,
                     *         "failed": 7,
                     *         "awaitingExplanation": 3,
                     *         "failuresByCode": [
                     *           {
                     *             "code": "SIGNATURE_PARTY_MISSING",
                     *             "count": 4
                     *           },
                     *           {
                     *             "code": "IDENTITY_NOT_FOUND",
                     *             "count": 3
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Reconciliation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listExplanations: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Operators only; one provider instead of every provider. A provider always sees itself only, whatever it passes. */
                providerId?: components["parameters"]["ProviderIdFilter"];
                state?: components["schemas"]["ExplanationState"];
                /** @description Only explanations covering this transaction. */
                transactionId?: string;
            };
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of explanations. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "explanationId": "0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
                     *           "providerId": "prov-econtract-demo",
                     *           "state": "PENDING",
                     *           "text": "The employee's citizen ID was updated in the population registry on 2026-03-03; please allow a re-push.",
                     *           "transactions": [
                     *             {
                     *               "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                     *               "providerReference": "HD-2026-000122"
                     *             }
                     *           ],
                     *           "attachments": [
                     *             {
                     *               "fileName": "registry-correction.pdf",
                     *               "mediaType": "application/pdf",
                     *               "size": 48213,
                     *               "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"
                     *             }
                     *           ],
                     *           "submittedAt": "2026-03-03T09:00:00Z",
                     *           "submittedBy": "prov-econtract-demo"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["ExplanationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createExplanation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating
                 *     a request with the same key and the same body returns the stored response (its status and
                 *     body, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different
                 *     body is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExplanationSubmission"];
            };
        };
        responses: {
            /** @description The same request repeated with its Idempotency-Key; the explanation already created. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "explanationId": "0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
                     *       "providerId": "prov-econtract-demo",
                     *       "state": "PENDING",
                     *       "text": "The employee's citizen ID was updated in the population registry on 2026-03-03; please allow a re-push.",
                     *       "transactions": [
                     *         {
                     *           "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                     *           "providerReference": "HD-2026-000122"
                     *         }
                     *       ],
                     *       "attachments": [],
                     *       "submittedAt": "2026-03-03T09:00:00Z",
                     *       "submittedBy": "prov-econtract-demo"
                     *     }
                     */
                    "application/json": components["schemas"]["Explanation"];
                };
            };
            /** @description The explanation, PENDING. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "explanationId": "0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
                     *       "providerId": "prov-econtract-demo",
                     *       "state": "PENDING",
                     *       "text": "The employee's citizen ID was updated in the population registry on 2026-03-03; please allow a re-push.",
                     *       "transactions": [
                     *         {
                     *           "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                     *           "providerReference": "HD-2026-000122"
                     *         }
                     *       ],
                     *       "attachments": [
                     *         {
                     *           "fileName": "registry-correction.pdf",
                     *           "mediaType": "application/pdf",
                     *           "size": 14,
                     *           "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"
                     *         }
                     *       ],
                     *       "submittedAt": "2026-03-03T09:00:00Z",
                     *       "submittedBy": "prov-econtract-demo"
                     *     }
                     */
                    "application/json": components["schemas"]["Explanation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TransactionNotFound"];
            409: components["responses"]["TransactionNotAwaitingExplanation"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getExplanation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                /**
                 * @description Explanation id returned when it was submitted.
                 * @example 0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b
                 */
                explanationId: components["parameters"]["ExplanationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The explanation. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "explanationId": "0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
                     *       "providerId": "prov-econtract-demo",
                     *       "state": "APPROVED",
                     *       "text": "The employee's citizen ID was updated in the population registry on 2026-03-03; please allow a re-push.",
                     *       "transactions": [
                     *         {
                     *           "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                     *           "providerReference": "HD-2026-000122",
                     *           "repushedAt": "2026-03-03T11:00:00Z",
                     *           "repushedBy": "prov-econtract-demo"
                     *         }
                     *       ],
                     *       "attachments": [
                     *         {
                     *           "fileName": "note.txt",
                     *           "mediaType": "text/plain",
                     *           "size": 5,
                     *           "sha256": "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                     *           "contentBase64": "aGVsbG8="
                     *         }
                     *       ],
                     *       "submittedAt": "2026-03-03T09:00:00Z",
                     *       "submittedBy": "prov-econtract-demo",
                     *       "decidedAt": "2026-03-03T10:30:00Z",
                     *       "decidedBy": "moha-operator-01",
                     *       "decisionReason": "Registry correction confirmed."
                     *     }
                     */
                    "application/json": components["schemas"]["Explanation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ExplanationNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    decideExplanation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating
                 *     a request with the same key and the same body returns the stored response (its status and
                 *     body, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different
                 *     body is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                /**
                 * @description Explanation id returned when it was submitted.
                 * @example 0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b
                 */
                explanationId: components["parameters"]["ExplanationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExplanationDecision"];
            };
        };
        responses: {
            /** @description The explanation with its decision. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "explanationId": "0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
                     *       "providerId": "prov-econtract-demo",
                     *       "state": "REJECTED",
                     *       "text": "The employee's citizen ID was updated in the population registry on 2026-03-03; please allow a re-push.",
                     *       "transactions": [
                     *         {
                     *           "transactionId": "0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                     *           "providerReference": "HD-2026-000122"
                     *         }
                     *       ],
                     *       "attachments": [],
                     *       "submittedAt": "2026-03-03T09:00:00Z",
                     *       "submittedBy": "prov-econtract-demo",
                     *       "decidedAt": "2026-03-03T10:30:00Z",
                     *       "decidedBy": "moha-operator-01",
                     *       "decisionReason": "The certificate was expired when signing; the contract must be signed again."
                     *     }
                     */
                    "application/json": components["schemas"]["Explanation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ExplanationNotFound"];
            409: components["responses"]["ExplanationAlreadyDecided"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listProviders: {
        parameters: {
            query?: {
                status?: components["schemas"]["ProviderStatus"];
            };
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The providers. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "providerId": "prov-econtract-demo",
                     *           "name": "Công ty eContract Demo",
                     *           "contactEmail": "ops@econtract-demo.invalid",
                     *           "status": "SUSPENDED",
                     *           "statusChangedAt": "2026-03-01T01:00:00Z",
                     *           "createdAt": "2026-01-10T02:00:00Z",
                     *           "capabilities": [
                     *             "CONTRACT",
                     *             "BATCH",
                     *             "LIFECYCLE",
                     *             "CONVERTED_PAPER"
                     *           ],
                     *           "authenticationMethods": [
                     *             "private_key_jwt"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ProviderList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProvider: {
        parameters: {
            query?: never;
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                /**
                 * @description The provider's id in the registry.
                 * @example prov-econtract-demo
                 */
                providerId: components["parameters"]["ProviderId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The provider. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "providerId": "prov-econtract-demo",
                     *       "name": "Công ty eContract Demo",
                     *       "contactEmail": "ops@econtract-demo.invalid",
                     *       "status": "ACTIVE",
                     *       "statusChangedAt": "2026-03-05T08:00:00Z",
                     *       "createdAt": "2026-01-10T02:00:00Z",
                     *       "capabilities": [
                     *         "CONTRACT",
                     *         "BATCH",
                     *         "LIFECYCLE",
                     *         "CONVERTED_PAPER"
                     *       ],
                     *       "authenticationMethods": [
                     *         "private_key_jwt"
                     *       ],
                     *       "statusHistory": [
                     *         {
                     *           "previousStatus": "ACTIVE",
                     *           "status": "SUSPENDED",
                     *           "reason": "Failure rate above 20% in February 2026.",
                     *           "changedBy": "moha-operator-01",
                     *           "changedAt": "2026-03-01T01:00:00Z"
                     *         },
                     *         {
                     *           "previousStatus": "SUSPENDED",
                     *           "status": "ACTIVE",
                     *           "reason": "Explanations received and approved.",
                     *           "changedBy": "moha-operator-01",
                     *           "changedAt": "2026-03-05T08:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Provider"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ProviderNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    changeProviderStatus: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating
                 *     a request with the same key and the same body returns the stored response (its status and
                 *     body, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different
                 *     body is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                /**
                 * @description The provider's id in the registry.
                 * @example prov-econtract-demo
                 */
                providerId: components["parameters"]["ProviderId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProviderStatusUpdate"];
            };
        };
        responses: {
            /** @description The provider after the change, with its history. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "providerId": "prov-econtract-demo",
                     *       "name": "Công ty eContract Demo",
                     *       "contactEmail": "ops@econtract-demo.invalid",
                     *       "status": "SUSPENDED",
                     *       "statusChangedAt": "2026-03-01T01:00:00Z",
                     *       "createdAt": "2026-01-10T02:00:00Z",
                     *       "capabilities": [
                     *         "CONTRACT",
                     *         "BATCH",
                     *         "LIFECYCLE",
                     *         "CONVERTED_PAPER"
                     *       ],
                     *       "authenticationMethods": [
                     *         "private_key_jwt"
                     *       ],
                     *       "statusHistory": [
                     *         {
                     *           "previousStatus": "ACTIVE",
                     *           "status": "SUSPENDED",
                     *           "reason": "Failure rate above 20% in February 2026 and 14 failed transactions left unexplained.",
                     *           "changedBy": "moha-operator-01",
                     *           "changedAt": "2026-03-01T01:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Provider"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ProviderNotFound"];
            409: components["responses"]["ProviderStatusTransitionInvalid"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateProviderTechnicalInfo: {
        parameters: {
            query?: never;
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                /**
                 * @description The provider's id in the registry.
                 * @example prov-econtract-demo
                 */
                providerId: components["parameters"]["ProviderId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProviderTechnicalInfo"];
            };
        };
        responses: {
            /** @description The provider with its new technical info. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "providerId": "prov-econtract-demo",
                     *       "name": "Công ty eContract Demo",
                     *       "contactEmail": "ops@econtract-demo.invalid",
                     *       "status": "ACTIVE",
                     *       "createdAt": "2026-01-10T02:00:00Z",
                     *       "capabilities": [
                     *         "CONTRACT",
                     *         "BATCH",
                     *         "LIFECYCLE",
                     *         "CONVERTED_PAPER"
                     *       ],
                     *       "authenticationMethods": [
                     *         "private_key_jwt"
                     *       ],
                     *       "callbackUrl": "https://econtract-demo.invalid/hooks/hdld",
                     *       "ipAllowList": [
                     *         "203.0.113.0/24",
                     *         "2001:db8:1::/48"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Provider"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ProviderNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating
                 *     a request with the same key and the same body returns the stored response (its status and
                 *     body, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different
                 *     body is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                /**
                 * @description The provider's id in the registry.
                 * @example prov-econtract-demo
                 */
                providerId: components["parameters"]["ProviderId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new secret, shown this once. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "secret": "whsec_3q2-7wD4xJxv8cH0l9QmC1n5y0bT6rKfE2aGzUoPq8s",
                     *       "createdAt": "2026-03-05T08:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ProviderNotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPublicProviders: {
        parameters: {
            query?: never;
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connected providers, by name. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "name": "Công ty eContract Demo",
                     *           "capabilities": [
                     *             "CONTRACT",
                     *             "BATCH",
                     *             "LIFECYCLE",
                     *             "CONVERTED_PAPER"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PublicProviderList"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Operators only; one provider instead of every provider. A provider always sees itself only, whatever it passes. */
                providerId?: components["parameters"]["ProviderIdFilter"];
                status?: components["schemas"]["NotificationStatus"];
                channel?: components["schemas"]["NotificationChannel"];
                kind?: components["schemas"]["NotificationKind"];
            };
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of notifications. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "notificationId": "0192f0e1-7a8b-7c9d-8e0f-1a2b3c4d5e6f",
                     *           "providerId": "prov-econtract-demo",
                     *           "channel": "EMAIL",
                     *           "kind": "PROVIDER_RESTORED",
                     *           "recipient": "ops@econtract-demo.invalid",
                     *           "subject": "[Nền tảng HĐLĐ điện tử] Thông báo khôi phục kết nối / Connection restored",
                     *           "text": "THÔNG BÁO KHÔI PHỤC KẾT NỐI\n\nKính gửi Công ty eContract Demo (mã nhà cung cấp: prov-econtract-demo), ...",
                     *           "status": "PENDING",
                     *           "attempts": 2,
                     *           "createdAt": "2026-03-05T08:00:00Z",
                     *           "nextAttemptAt": "2026-03-05T08:01:30Z",
                     *           "lastError": "SMTP delivery failed (ESOCKET)",
                     *           "messageId": "<0192f0e1-7a8b-7c9d-8e0f-1a2b3c4d5e6f@hdld.invalid>"
                     *         },
                     *         {
                     *           "notificationId": "0192f0e0-1a2b-7c3d-9e4f-5a6b7c8d9e0f",
                     *           "providerId": "prov-econtract-demo",
                     *           "channel": "WEBHOOK",
                     *           "kind": "TRANSACTION_COMPLETED",
                     *           "recipient": "https://econtract-demo.invalid/hooks/hdld",
                     *           "text": "{\"event\":\"transaction.completed\",\"transactionId\":\"0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e\",\"providerReference\":\"HD-2026-000123\",\"status\":\"SUCCEEDED\",\"contractId\":\"2604173920581648\",\"occurredAt\":\"2026-03-02T08:15:31.000Z\"}",
                     *           "status": "SENT",
                     *           "attempts": 1,
                     *           "createdAt": "2026-03-02T08:15:31Z",
                     *           "sentAt": "2026-03-02T08:15:32Z",
                     *           "messageId": "0192f0e0-1a2b-7c3d-9e4f-5a6b7c8d9e0f"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listProviderReports: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Operators only; one provider instead of every provider. A provider always sees itself only, whatever it passes. */
                providerId?: components["parameters"]["ProviderIdFilter"];
                /** @description Only this month (`YYYY-MM`, Vietnam time). */
                period?: components["parameters"]["PeriodFilter"];
                /** @description Only reports first sent before (ON_TIME) or at or after (LATE) their deadline. */
                timeliness?: "ON_TIME" | "LATE";
            };
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of monthly reports. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "reportId": "0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b",
                     *           "providerId": "prov-econtract-demo",
                     *           "period": "2026-01",
                     *           "version": 2,
                     *           "latestVersion": 2,
                     *           "timeliness": "ON_TIME",
                     *           "deadline": "2026-02-28T17:00:00Z",
                     *           "firstSubmittedAt": "2026-02-10T03:00:00Z",
                     *           "submittedAt": "2026-02-12T08:30:00Z",
                     *           "submittedBy": "prov-econtract-demo",
                     *           "figures": {
                     *             "contractsHandled": 1250,
                     *             "contractsSigned": 1181,
                     *             "contractsSubmitted": 1176,
                     *             "incidents": 1
                     *           },
                     *           "text": "Service available 99.95% of the month; one 40-minute outage on 2026-01-12 (database failover). Signed count corrected.",
                     *           "technicalAudit": {
                     *             "auditor": "Công ty Kiểm định An toàn Thông tin ABC",
                     *             "auditedOn": "2026-01-20",
                     *             "result": "PASSED",
                     *             "attachment": {
                     *               "fileName": "audit-2026.pdf",
                     *               "mediaType": "application/pdf",
                     *               "size": 182044,
                     *               "sha256": "8f4e1a3b0f1c2e6d3f9b7a5c4d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e"
                     *             }
                     *           }
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["ProviderReportPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    submitProviderReport: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating
                 *     a request with the same key and the same body returns the stored response (its status and
                 *     body, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different
                 *     body is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProviderReportSubmission"];
            };
        };
        responses: {
            /** @description The same content was already sent (or the same request repeated with its Idempotency-Key); the report as stored. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "reportId": "0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b",
                     *       "providerId": "prov-econtract-demo",
                     *       "period": "2026-01",
                     *       "version": 1,
                     *       "latestVersion": 1,
                     *       "timeliness": "ON_TIME",
                     *       "deadline": "2026-02-28T17:00:00Z",
                     *       "firstSubmittedAt": "2026-02-10T03:00:00Z",
                     *       "submittedAt": "2026-02-10T03:00:00Z",
                     *       "submittedBy": "prov-econtract-demo",
                     *       "figures": {
                     *         "contractsHandled": 1250,
                     *         "contractsSigned": 1180,
                     *         "contractsSubmitted": 1176,
                     *         "incidents": 1
                     *       },
                     *       "text": "Service available 99.95% of the month; one 40-minute outage on 2026-01-12 (database failover)."
                     *     }
                     */
                    "application/json": components["schemas"]["ProviderReport"];
                };
            };
            /** @description The report (or its new version) as stored. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "reportId": "0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b",
                     *       "providerId": "prov-econtract-demo",
                     *       "period": "2026-01",
                     *       "version": 1,
                     *       "latestVersion": 1,
                     *       "timeliness": "ON_TIME",
                     *       "deadline": "2026-02-28T17:00:00Z",
                     *       "firstSubmittedAt": "2026-02-10T03:00:00Z",
                     *       "submittedAt": "2026-02-10T03:00:00Z",
                     *       "submittedBy": "prov-econtract-demo",
                     *       "figures": {
                     *         "contractsHandled": 1250,
                     *         "contractsSigned": 1180,
                     *         "contractsSubmitted": 1176,
                     *         "incidents": 1
                     *       },
                     *       "text": "Service available 99.95% of the month; one 40-minute outage on 2026-01-12 (database failover)."
                     *     }
                     */
                    "application/json": components["schemas"]["ProviderReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["ProviderReportConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["AttachmentDigestMismatch"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProviderReportTracking: {
        parameters: {
            query: {
                /** @description The month reported on (`YYYY-MM`, Vietnam time). */
                period: components["schemas"]["ReportingPeriod"];
                /** @description Operators only; one provider instead of every provider. A provider always sees itself only, whatever it passes. */
                providerId?: components["parameters"]["ProviderIdFilter"];
                timeliness?: components["schemas"]["ReportTimeliness"];
            };
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The month's tracking. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "period": "2026-01",
                     *       "deadline": "2026-02-28T17:00:00Z",
                     *       "evaluatedAt": "2026-03-01T02:00:00Z",
                     *       "items": [
                     *         {
                     *           "providerId": "prov-econtract-demo",
                     *           "providerName": "Công ty eContract Demo",
                     *           "timeliness": "ON_TIME",
                     *           "reportId": "0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b",
                     *           "latestVersion": 2,
                     *           "firstSubmittedAt": "2026-02-10T03:00:00Z"
                     *         },
                     *         {
                     *           "providerId": "prov-other",
                     *           "providerName": "Công ty Hợp đồng Số",
                     *           "timeliness": "MISSING"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ProviderReportTracking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProviderReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                /**
                 * @description The `reportId` of one version of a monthly report.
                 * @example 0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b
                 */
                reportId: components["parameters"]["ProviderReportId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "reportId": "0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b",
                     *       "providerId": "prov-econtract-demo",
                     *       "period": "2026-01",
                     *       "version": 1,
                     *       "latestVersion": 2,
                     *       "timeliness": "ON_TIME",
                     *       "deadline": "2026-02-28T17:00:00Z",
                     *       "firstSubmittedAt": "2026-02-10T03:00:00Z",
                     *       "submittedAt": "2026-02-10T03:00:00Z",
                     *       "submittedBy": "prov-econtract-demo",
                     *       "figures": {
                     *         "contractsHandled": 1250,
                     *         "contractsSigned": 1180,
                     *         "contractsSubmitted": 1176,
                     *         "incidents": 1
                     *       },
                     *       "text": "Service available 99.95% of the month; one 40-minute outage on 2026-01-12 (database failover).",
                     *       "technicalAudit": {
                     *         "auditor": "Công ty Kiểm định An toàn Thông tin ABC",
                     *         "auditedOn": "2026-01-20",
                     *         "result": "PASSED",
                     *         "attachment": {
                     *           "fileName": "audit.pdf",
                     *           "mediaType": "application/pdf",
                     *           "size": 14,
                     *           "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                     *           "contentBase64": "JVBERi0xLjcKJcfsj6IK"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ProviderReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ProviderReportNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listViolationReports: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page; omit for the first page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Only this month (`YYYY-MM`, Vietnam time). */
                period?: components["parameters"]["PeriodFilter"];
                /** @description Operators only; one provider instead of every provider. A provider always sees itself only, whatever it passes. */
                providerId?: components["parameters"]["ProviderIdFilter"];
            };
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of violations reports. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "reportId": "0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b",
                     *           "period": "2026-02",
                     *           "version": 1,
                     *           "latestVersion": 1,
                     *           "timeZone": "Asia/Ho_Chi_Minh",
                     *           "periodStart": "2026-01-31T17:00:00Z",
                     *           "periodEnd": "2026-02-28T17:00:00Z",
                     *           "generatedAt": "2026-02-28T17:00:02Z",
                     *           "generatedBy": "scheduler",
                     *           "thresholds": {
                     *             "failureRatePercent": 20,
                     *             "minimumVolume": 20,
                     *             "unexplainedAfterDays": 7,
                     *             "lateSubmissions": 1
                     *           },
                     *           "providersEvaluated": 12,
                     *           "lines": [
                     *             {
                     *               "providerId": "prov-econtract-demo",
                     *               "providerName": "Công ty eContract Demo",
                     *               "providerStatus": "ACTIVE",
                     *               "figures": {
                     *                 "decided": 40,
                     *                 "failed": 14,
                     *                 "failureRatePercent": 35,
                     *                 "lateSubmissions": 0,
                     *                 "unexplainedFailures": 6,
                     *                 "monthlyReport": {
                     *                   "period": "2026-01",
                     *                   "timeliness": "MISSING"
                     *                 }
                     *               },
                     *               "violations": [
                     *                 {
                     *                   "rule": "FAILURE_RATE",
                     *                   "failed": 14,
                     *                   "decided": 40,
                     *                   "detail": "14 of 40 decided transactions failed (35%), above 20%."
                     *                 },
                     *                 {
                     *                   "rule": "UNEXPLAINED_FAILURES",
                     *                   "count": 6,
                     *                   "detail": "6 failed transactions were still unexplained 7 days after they failed."
                     *                 },
                     *                 {
                     *                   "rule": "MONTHLY_REPORT_MISSING",
                     *                   "period": "2026-01",
                     *                   "detail": "The monthly report on 2026-01 was not sent before its deadline."
                     *                 }
                     *               ],
                     *               "actions": []
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["ViolationReportPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    generateViolationReport: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating
                 *     a request with the same key and the same body returns the stored response (its status and
                 *     body, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different
                 *     body is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ViolationReportRequest"];
            };
        };
        responses: {
            /** @description The month's report as it exists (latest version). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "reportId": "0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b",
                     *       "period": "2026-02",
                     *       "version": 1,
                     *       "latestVersion": 1,
                     *       "timeZone": "Asia/Ho_Chi_Minh",
                     *       "periodStart": "2026-01-31T17:00:00Z",
                     *       "periodEnd": "2026-02-28T17:00:00Z",
                     *       "generatedAt": "2026-02-28T17:00:02Z",
                     *       "generatedBy": "scheduler",
                     *       "thresholds": {
                     *         "failureRatePercent": 20,
                     *         "minimumVolume": 20,
                     *         "unexplainedAfterDays": 7,
                     *         "lateSubmissions": 1
                     *       },
                     *       "providersEvaluated": 12,
                     *       "lines": [
                     *         {
                     *           "providerId": "prov-econtract-demo",
                     *           "providerName": "Công ty eContract Demo",
                     *           "providerStatus": "ACTIVE",
                     *           "figures": {
                     *             "decided": 40,
                     *             "failed": 14,
                     *             "failureRatePercent": 35,
                     *             "lateSubmissions": 0,
                     *             "unexplainedFailures": 6,
                     *             "monthlyReport": {
                     *               "period": "2026-01",
                     *               "timeliness": "MISSING"
                     *             }
                     *           },
                     *           "violations": [
                     *             {
                     *               "rule": "FAILURE_RATE",
                     *               "failed": 14,
                     *               "decided": 40,
                     *               "detail": "14 of 40 decided transactions failed (35%), above 20%."
                     *             },
                     *             {
                     *               "rule": "UNEXPLAINED_FAILURES",
                     *               "count": 6,
                     *               "detail": "6 failed transactions were still unexplained 7 days after they failed."
                     *             },
                     *             {
                     *               "rule": "MONTHLY_REPORT_MISSING",
                     *               "period": "2026-01",
                     *               "detail": "The monthly report on 2026-01 was not sent before its deadline."
                     *             }
                     *           ],
                     *           "actions": []
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ViolationReport"];
                };
            };
            /** @description The report just made. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "reportId": "0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b",
                     *       "period": "2026-02",
                     *       "version": 1,
                     *       "latestVersion": 1,
                     *       "timeZone": "Asia/Ho_Chi_Minh",
                     *       "periodStart": "2026-01-31T17:00:00Z",
                     *       "periodEnd": "2026-02-28T17:00:00Z",
                     *       "generatedAt": "2026-02-28T17:00:02Z",
                     *       "generatedBy": "scheduler",
                     *       "thresholds": {
                     *         "failureRatePercent": 20,
                     *         "minimumVolume": 20,
                     *         "unexplainedAfterDays": 7,
                     *         "lateSubmissions": 1
                     *       },
                     *       "providersEvaluated": 12,
                     *       "lines": [
                     *         {
                     *           "providerId": "prov-econtract-demo",
                     *           "providerName": "Công ty eContract Demo",
                     *           "providerStatus": "ACTIVE",
                     *           "figures": {
                     *             "decided": 40,
                     *             "failed": 14,
                     *             "failureRatePercent": 35,
                     *             "lateSubmissions": 0,
                     *             "unexplainedFailures": 6,
                     *             "monthlyReport": {
                     *               "period": "2026-01",
                     *               "timeliness": "MISSING"
                     *             }
                     *           },
                     *           "violations": [
                     *             {
                     *               "rule": "FAILURE_RATE",
                     *               "failed": 14,
                     *               "decided": 40,
                     *               "detail": "14 of 40 decided transactions failed (35%), above 20%."
                     *             },
                     *             {
                     *               "rule": "UNEXPLAINED_FAILURES",
                     *               "count": 6,
                     *               "detail": "6 failed transactions were still unexplained 7 days after they failed."
                     *             },
                     *             {
                     *               "rule": "MONTHLY_REPORT_MISSING",
                     *               "period": "2026-01",
                     *               "detail": "The monthly report on 2026-01 was not sent before its deadline."
                     *             }
                     *           ],
                     *           "actions": []
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ViolationReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["ReportingPeriodNotEnded"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getViolationReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                /**
                 * @description The `reportId` of one version of a violations report.
                 * @example 0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b
                 */
                reportId: components["parameters"]["ViolationReportId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "reportId": "0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b",
                     *       "period": "2026-02",
                     *       "version": 1,
                     *       "latestVersion": 1,
                     *       "timeZone": "Asia/Ho_Chi_Minh",
                     *       "periodStart": "2026-01-31T17:00:00Z",
                     *       "periodEnd": "2026-02-28T17:00:00Z",
                     *       "generatedAt": "2026-02-28T17:00:02Z",
                     *       "generatedBy": "scheduler",
                     *       "thresholds": {
                     *         "failureRatePercent": 20,
                     *         "minimumVolume": 20,
                     *         "unexplainedAfterDays": 7,
                     *         "lateSubmissions": 1
                     *       },
                     *       "providersEvaluated": 12,
                     *       "lines": [
                     *         {
                     *           "providerId": "prov-econtract-demo",
                     *           "providerName": "Công ty eContract Demo",
                     *           "providerStatus": "ACTIVE",
                     *           "figures": {
                     *             "decided": 40,
                     *             "failed": 14,
                     *             "failureRatePercent": 35,
                     *             "lateSubmissions": 0,
                     *             "unexplainedFailures": 6,
                     *             "monthlyReport": {
                     *               "period": "2026-01",
                     *               "timeliness": "MISSING"
                     *             }
                     *           },
                     *           "violations": [
                     *             {
                     *               "rule": "FAILURE_RATE",
                     *               "failed": 14,
                     *               "decided": 40,
                     *               "detail": "14 of 40 decided transactions failed (35%), above 20%."
                     *             },
                     *             {
                     *               "rule": "UNEXPLAINED_FAILURES",
                     *               "count": 6,
                     *               "detail": "6 failed transactions were still unexplained 7 days after they failed."
                     *             },
                     *             {
                     *               "rule": "MONTHLY_REPORT_MISSING",
                     *               "period": "2026-01",
                     *               "detail": "The monthly report on 2026-01 was not sent before its deadline."
                     *             }
                     *           ],
                     *           "actions": []
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ViolationReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ViolationReportNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    actOnViolation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating
                 *     a request with the same key and the same body returns the stored response (its status and
                 *     body, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different
                 *     body is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Language of `title`/`detail` texts in problems and reports (`vi` or `en`, default `en`). */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                /**
                 * @description The `reportId` of one version of a violations report.
                 * @example 0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b
                 */
                reportId: components["parameters"]["ViolationReportId"];
                /**
                 * @description The provider's id in the registry.
                 * @example prov-econtract-demo
                 */
                providerId: components["parameters"]["ProviderId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ViolationActionRequest"];
            };
        };
        responses: {
            /** @description The report's line with the step recorded. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "providerId": "prov-econtract-demo",
                     *       "providerName": "Công ty eContract Demo",
                     *       "providerStatus": "ACTIVE",
                     *       "figures": {
                     *         "decided": 40,
                     *         "failed": 14,
                     *         "failureRatePercent": 35,
                     *         "lateSubmissions": 0,
                     *         "unexplainedFailures": 6,
                     *         "monthlyReport": {
                     *           "period": "2026-01",
                     *           "timeliness": "ON_TIME"
                     *         }
                     *       },
                     *       "violations": [
                     *         {
                     *           "rule": "FAILURE_RATE",
                     *           "failed": 14,
                     *           "decided": 40,
                     *           "detail": "14 of 40 decided transactions failed (35%), above 20%."
                     *         },
                     *         {
                     *           "rule": "UNEXPLAINED_FAILURES",
                     *           "count": 6,
                     *           "detail": "6 failed transactions were still unexplained 7 days after they failed."
                     *         }
                     *       ],
                     *       "actions": [
                     *         {
                     *           "status": "SUSPENDED",
                     *           "reason": "Violations report 2026-02 - failure rate 35% and 6 failed transactions left unexplained.",
                     *           "takenBy": "moha-operator-01",
                     *           "takenAt": "2026-03-02T02:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ViolationLine"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ViolationReportNotFound"];
            409: components["responses"]["ProviderStatusTransitionInvalid"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getSandboxClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sandbox clock. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "now": "2026-03-02T08:15:30Z",
                     *       "offsetSeconds": 0
                     *     }
                     */
                    "application/json": components["schemas"]["SandboxClock"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["SandboxOnly"];
            500: components["responses"]["InternalError"];
        };
    };
    advanceSandboxClock: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating
                 *     a request with the same key and the same body returns the stored response (its status and
                 *     body, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different
                 *     body is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SandboxClockChange"];
            };
        };
        responses: {
            /** @description The clock after the change. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "now": "2026-03-03T09:15:30Z",
                     *       "offsetSeconds": 90000
                     *     }
                     */
                    "application/json": components["schemas"]["SandboxClock"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["SandboxOnly"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    registerSandboxIdentities: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a POST safe to retry (1-255 characters; a UUID is recommended). Within 24 hours, repeating
                 *     a request with the same key and the same body returns the stored response (its status and
                 *     body, with `Idempotent-Replayed: true`) without creating a new transaction; the same key with a different
                 *     body is refused with `IDEMPOTENCY_KEY_REUSED` (409). Strongly recommended on every submission.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "identities": [
                 *         {
                 *           "identityNumber": "001190012345",
                 *           "fullName": "Nguyễn Thị Hương",
                 *           "dateOfBirth": "1990-05-17",
                 *           "sex": "FEMALE"
                 *         }
                 *       ],
                 *       "enterprises": [
                 *         {
                 *           "taxCode": "0109876543",
                 *           "name": "Công ty Cổ phần Phần mềm Sông Hồng",
                 *           "address": "Tầng 12, tòa nhà Hà Thành, số 102 phố Thái Thịnh, phường Đống Đa, thành phố Hà Nội",
                 *           "status": "ACTIVE"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["SandboxIdentityRegistration"];
            };
        };
        responses: {
            /** @description How many records (persons and enterprises) were registered or replaced. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "registered": 2
                     *     }
                     */
                    "application/json": components["schemas"]["SandboxIdentityRegistrationResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["SandboxOnly"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getPlatformKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key set. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Caching policy, for example `public, max-age=3600`. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "keys": [
                     *         {
                     *           "kty": "OKP",
                     *           "crv": "Ed25519",
                     *           "kid": "platform-2026-01",
                     *           "use": "sig",
                     *           "alg": "EdDSA",
                     *           "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PlatformKeys"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "checks": {
                     *         "database": "ok",
                     *         "blobs": "ok"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description Not ready. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "unavailable",
                     *       "checks": {
                     *         "database": "unavailable",
                     *         "blobs": "ok"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    transactionCompleted: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, signed at send time.
                 * @example t=1772439331,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
                 */
                "Hdld-Signature": string;
                /**
                 * @description The delivery's id, the same on every retry.
                 * @example 0192f0e0-1a2b-7c3d-9e4f-5a6b7c8d9e0f
                 */
                "Hdld-Webhook-Id": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within 15 s) is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
