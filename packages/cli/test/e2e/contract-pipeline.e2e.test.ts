import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { extractMainData } from '@hdld/sdk/documents';
import { issueContractPartyCertificates, type TestIdentity } from '@hdld/sdk/testing';
import { ContractSubmissionSchema } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxPki, startSandboxPki } from '../../src/demo/sandbox-pki.js';
import { runCli } from '../support/run-cli.js';

/**
 * The provider's offline pipeline with the built CLI, from PEM files on disk: template → build →
 * sign (employer then employee, B-T) → package (evidence) → validate → inspect (T6-T9, N2).
 */
describe('hdld contract template|build|sign|package|inspect and validate', () => {
  let pki: SandboxPki;
  let work: string;
  const env = () => ({ HDLD_CONFIG_DIR: work });

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'hdld-pipeline-'));
    pki = await startSandboxPki(join(work, 'pki'));
  });
  afterAll(async () => pki?.close());

  it('turns CSV rows into submissions the offline validator accepts', async () => {
    const template = await runCli(['contract', 'template'], env());
    expect(template.code).toBe(0);
    const [header, row] = template.stdout.trim().split('\r\n');
    // A second row: another reference and a different employee.
    const second = row!.replace('HD-2026-000001', 'HD-2026-000002').replace(/,\d{12},/, ',079200001234,');
    const csv = join(work, 'contracts.csv');
    await writeFile(csv, `${header}\r\n${row}\r\n${second}\r\n`);
    const out = join(work, 'out');

    const build = await runCli(['contract', 'build', csv, '--out', out], env());
    expect(build.stderr).toContain('Contracts built: 2');
    expect(build.stdout.trim().split('\n')).toEqual([
      join(out, 'HD-2026-000001.pdf'),
      join(out, 'HD-2026-000002.pdf'),
    ]);

    const key = (name: string) => `${join(work, 'pki', `${name}.key`)}+${join(work, 'pki', `${name}.crt`)}`;
    const pdfs = [join(out, 'HD-2026-000001.pdf'), join(out, 'HD-2026-000002.pdf')];
    // F8, N2: each contract is signed with certificates naming its own employer and employee.
    const signers: TestIdentity[][] = [];
    for (const [index, pdf] of pdfs.entries()) {
      const mainData = await extractMainData(new Uint8Array(await readFile(pdf)));
      const parties = await issueContractPartyCertificates(pki.pki, mainData!);
      signers.push([parties.employer, parties.employee]);
      const file = async (name: string, identity: TestIdentity) => {
        await writeFile(join(work, 'pki', `${name}-${index}.crt`), identity.chainPem);
        await writeFile(join(work, 'pki', `${name}-${index}.key`), identity.privateKeyPem);
        return key(`${name}-${index}`);
      };
      const sign = await runCli(
        [
          'contract',
          'sign',
          pdf,
          '--signer',
          `employer=${await file('employer', parties.employer)}`,
          '--signer',
          `employee=${await file('employee', parties.employee)}`,
          '--tsa',
          pki.tsaUrl,
          '--auth-method',
          'VNEID',
        ],
        env(),
      );
      expect(sign.stderr).toBe('');
      expect(sign.code).toBe(0);
    }

    const pack = await runCli(
      [
        'contract',
        'package',
        ...pdfs,
        '--certifier',
        key('provider'),
        '--provider-id',
        'sandbox',
        '--provider-name',
        'Nhà cung cấp thử nghiệm',
        '--tsa',
        pki.tsaUrl,
      ],
      env(),
    );
    expect(pack.code).toBe(0);
    expect((await readdir(out)).filter((f) => f.endsWith('.submission.json')).sort()).toEqual([
      'HD-2026-000001.submission.json',
      'HD-2026-000002.submission.json',
    ]);

    const validate = await runCli(['validate', out, '--trust', pki.files.root, '--json'], env());
    // Folder mode checks every file it can read: each contract's submission, PDF and main data;
    // the evidence and signing records are listed as skipped.
    const report = JSON.parse(validate.stdout) as { results: { file: string; kind: string }[] };
    expect(report).toMatchObject({ ok: true, files: 6, failed: 0, skipped: 4 });
    expect(report.results.filter((r) => r.kind === 'submission').map((r) => basename(r.file))).toEqual([
      'HD-2026-000001.submission.json',
      'HD-2026-000002.submission.json',
    ]);
    expect(validate.code).toBe(0);

    const inspect = await runCli(
      ['contract', 'inspect', join(out, 'HD-2026-000001.submission.json'), '--json'],
      env(),
    );
    const data = JSON.parse(inspect.stdout);
    expect(data.documents[0].signatures.map((s: { signer: string }) => s.signer)).toEqual([
      signers[0]![0]!.name.commonName,
      signers[0]![1]!.name.commonName,
    ]);
    expect(data.documents[0].signatures.every((s: { timestamp?: string }) => s.timestamp)).toBe(true);
    expect(data.evidence.content.signers.map((s: { party: string }) => s.party)).toEqual([
      'EMPLOYER',
      'EMPLOYEE',
    ]);
    expect(
      ContractSubmissionSchema.safeParse(
        JSON.parse(
          await (await import('node:fs/promises')).readFile(
            join(out, 'HD-2026-000001.submission.json'),
            'utf8',
          ),
        ),
      ).success,
    ).toBe(true);
  });

  it('refuses rows that break the schema, naming the line (exit 3)', async () => {
    const csv = join(work, 'bad.csv');
    await writeFile(csv, 'contractNumber,employee.sex\r\n1/2026,X\r\n');
    const build = await runCli(['contract', 'build', csv, '--out', join(work, 'bad')], env());
    expect(build.code).toBe(3);
    expect(build.stderr).toContain(`${csv}:2: employee.sex`);
  });

  it('signing with a PKCS#12 file needs its password from the environment, never a flag', async () => {
    const sign = await runCli(
      ['contract', 'sign', join(work, 'x.pdf'), '--signer', 'employer=employer.p12'],
      env(),
    );
    expect(sign.code).toBe(2);
    expect(sign.stderr).toContain('HDLD_P12_PASSWORD_EMPLOYER');
  });
});
