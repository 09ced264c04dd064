/** Both error styles, the error classes, and `for await` over a list operation (T10, S2.4). */
import { createHdldClient, HdldRateLimitError, HdldValidationError } from '@hdld/sdk';

const client = createHdldClient({
  baseUrl: process.env.HDLD_URL ?? 'http://127.0.0.1:8080',
  credentials: { clientId: 'sandbox-provider', clientSecret: process.env.HDLD_SANDBOX_SECRET ?? '' }, // sandbox only
});

// Throwing style: one class per kind, with the catalog code, localized title and field errors.
try {
  await client.transactions.getByReference('HD-2026-000123');
} catch (error) {
  if (error instanceof HdldValidationError) {
    for (const item of error.errors) console.log(item.pointer, item.code, item.detail);
  } else if (error instanceof HdldRateLimitError) {
    console.log(`retry in ${error.retryAfterSeconds} s (request ${error.requestId})`);
  } else {
    throw error;
  }
}

// Non-throwing style: the typed openapi-fetch client.
const { data, error } = await client.api.GET('/v1/transactions/{transactionId}', {
  params: { path: { transactionId: '0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e' } },
});
console.log(data?.status ?? error?.code);

// Every failed transaction of the month, page by page.
for await (const transaction of client.transactions.list({
  status: 'FAILED',
  receivedFrom: '2026-03-01T00:00:00Z',
})) {
  console.log(transaction.providerReference, transaction.failureClass, transaction.errors[0]?.code);
}
const firstHundred = await client.transactions.list().toArray({ limit: 100 });
console.log(firstHundred.length);
