import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, startCliSandbox } from '../support/cli-sandbox.js';
import { runCli } from '../support/run-cli.js';

/**
 * `hdld api METHOD PATH` against the reference server (issue 14): the raw escape hatch with the
 * profile's token, the answer's JSON on stdout, a refusal's problem+json on stderr with the
 * documented exit code (3 for a 4xx, 4 for 401/403, 1 for a server or network fault).
 */
describe('hdld api (built CLI, real server)', () => {
  let sandbox: CliSandbox;
  let hdld: (args: string[], stdin?: string) => ReturnType<typeof runCli>;
  beforeAll(async () => {
    sandbox = await startCliSandbox(0);
    hdld = (args, stdin) => runCli(args, sandbox.env, stdin);
  }, 5 * 60_000);
  afterAll(async () => sandbox?.close());

  it('GETs with the token and typed query fields, the JSON on stdout', async () => {
    const me = await hdld(['api', 'GET', '/v1/me']);
    expect(me).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(me.stdout)).toMatchObject({ kind: 'provider' });
    const page = await hdld(['api', 'get', 'v1/transactions', '-F', 'limit=1', '-f', 'status=FAILED', '-i']);
    expect(page.code).toBe(0);
    expect(JSON.parse(page.stdout)).toMatchObject({ items: [] });
    expect(page.stderr).toMatch(/^HTTP 200 OK\n/);
    expect(page.stderr).toContain('x-request-id: ');
  });

  it('sends fields as a JSON body, or a file with --input; a refusal is problem+json on stderr, exit 3', async () => {
    const invalid = await hdld([
      'api',
      'POST',
      '/v1/explanations',
      '-F',
      'transactionIds[]=x',
      '-f',
      'text=short',
    ]);
    expect(invalid.code).toBe(3);
    expect(invalid.stdout).toBe('');
    const problem = JSON.parse(invalid.stderr);
    expect(problem).toMatchObject({ status: 400, code: 'REQUEST_INVALID' });
    expect(problem.errors.map((e: { pointer: string }) => e.pointer)).toEqual(
      expect.arrayContaining(['/transactionIds/0', '/text']),
    );
    const body = join(sandbox.work, 'identities.json');
    await writeFile(
      body,
      JSON.stringify({
        identities: [
          {
            identityNumber: '001090000001',
            fullName: 'Nguyễn Văn A',
            dateOfBirth: '1990-01-01',
            sex: 'MALE',
          },
        ],
      }),
    );
    const registered = await hdld(['api', 'POST', '/v1/sandbox/identities', '--input', body]);
    expect(registered.stderr).toBe('');
    expect(registered.code).toBe(0);
    // From stdin; an empty list breaks the schema's minItems: refused with the pointer.
    const fromStdin = await hdld(
      ['api', 'POST', '/v1/sandbox/identities', '--input', '-'],
      '{"identities":[]}',
    );
    expect(fromStdin.code).toBe(3);
    expect(JSON.parse(fromStdin.stderr).errors).toMatchObject([{ pointer: '/identities' }]);
  });

  it('exits 4 for an authorisation refusal, 1 for a network fault, 2 for a bad argument', async () => {
    const forbidden = await hdld(['api', 'GET', '/v1/providers']);
    expect(forbidden.code).toBe(4);
    expect(JSON.parse(forbidden.stderr)).toMatchObject({ code: 'FORBIDDEN' });
    const missing = await hdld(['api', 'GET', '/v1/transactions/0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f']);
    expect(missing.code).toBe(3);
    expect(JSON.parse(missing.stderr)).toMatchObject({ status: 404 });
    const down = await runCli(['api', 'GET', '/v1/me'], {
      ...sandbox.env,
      HDLD_BASE_URL: 'http://127.0.0.1:9',
    });
    expect(down.code).toBe(1);
    for (const args of [
      ['api', 'GET', 'https://elsewhere.invalid/v1/me'],
      ['api', 'POST', '/v1/explanations', '-F', 'no-equals-sign'],
      ['api', 'GET', '/v1/me', '-H', 'no-colon'],
      ['api', 'POST', '/v1/sandbox/identities', '--input', join(sandbox.work, 'absent.json')],
    ]) {
      const bad = await hdld(args);
      expect(bad.code, args.join(' ')).toBe(2);
    }
  });
});
