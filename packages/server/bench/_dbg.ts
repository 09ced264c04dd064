import { loadBenchContracts } from './contracts.js';
import { startBenchServer } from './server-process.js';

const { rootPem, contracts } = await loadBenchContracts(3);
const server = await startBenchServer({ engine: 'pglite', rootPem, pipelineConcurrency: 2 });
try {
  const tok = (await (
    await fetch(`${server.url}/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: server.clientId,
        client_secret: server.clientSecret,
      }),
    })
  ).json()) as any;
  const h = { authorization: `Bearer ${tok.access_token}`, 'content-type': 'application/json' };
  console.log(
    (
      await fetch(`${server.url}/v1/sandbox/identities`, {
        method: 'POST',
        headers: h,
        body: JSON.stringify({ identities: [contracts[0]!.identity] }),
      })
    ).status,
  );
  const r = await fetch(`${server.url}/v1/contracts`, {
    method: 'POST',
    headers: h,
    body: JSON.stringify(contracts[0]!.submission),
  });
  const ack = (await r.json()) as any;
  console.log(r.status, ack);
  for (let i = 0; i < 20; i++) {
    await new Promise((ok) => setTimeout(ok, 500));
    const v = (await (
      await fetch(`${server.url}/v1/transactions/${ack.transactionId}`, { headers: h })
    ).json()) as any;
    console.log(v.status, JSON.stringify(v.errors)?.slice(0, 300));
    if (v.status === 'SUCCEEDED' || v.status === 'FAILED') break;
  }
} finally {
  await server.stop();
}
