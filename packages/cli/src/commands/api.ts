import type { Command } from 'commander';
import type { ApiFlags } from '../api/raw-call.js';
import type { Context } from '../context.js';
import { withExamples } from './help.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `hdld api METHOD PATH`: the raw escape hatch (gh api), for an operation no command wraps yet. */
export function registerApiCommand(program: Command, ctx: Context): void {
  withExamples(
    program
      .command('api')
      .description(
        "call any operation with the profile's token: JSON on stdout, problem+json on stderr (exit 3 for 4xx, 4 for 401/403, 1 for 5xx)",
      )
      .argument('<method>', 'GET, POST, PUT, PATCH or DELETE')
      .argument('<path>', 'path of the operation, e.g. /v1/providers?status=SUSPENDED')
      .option(
        '-F, --field <key=value>',
        'a typed field: true, false, null, numbers; @file reads a file',
        collect,
      )
      .option('-f, --raw-field <key=value>', 'a string field', collect)
      .option('--input <file>', 'the request body from a file (- for stdin); fields then go to the query')
      .option('-H, --header <name:value>', 'an extra request header', collect)
      .option('-i, --include', 'print the status line and response headers on stderr')
      .option('-o, --output <file>', 'write the response body to a file (PDFs, evidence)'),
    [
      'hdld api GET /v1/me',
      'hdld api GET /v1/transactions -F status=FAILED -F limit=5',
      'hdld api POST /v1/explanations/0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b/decision -f decision=APPROVED -f reason="Registry corrected"',
      'hdld api POST /v1/sandbox/identities --input identities.json',
    ],
  ).action(async (method: string, path: string, flags: ApiFlags) => {
    const client = await ctx.client();
    const { rawCall } = await import('../api/raw-call.js');
    await rawCall(ctx, client, method, path, flags);
  });
}
