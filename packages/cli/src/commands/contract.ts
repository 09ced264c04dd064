import { mkdir, readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { loadSigner, type PartySpec, parsePartySpec } from '../contract/credentials.js';
import { contractPaths, referenceFromContractNumber, referenceOf } from '../contract/layout.js';
import { ExitCode } from '../exit-codes.js';
import { t } from '../i18n/messages.js';
import { ExitError, UsageError } from '../output/errors.js';
import { withExamples } from './help.js';

/** `hdld contract template|build|sign|package|inspect`: from data rows to a submission ready to sync. */
export function registerContractCommands(program: Command, ctx: Context): void {
  const contract = withExamples(
    program.command('contract').description('build, sign, package and inspect contract files (offline)'),
    [
      'hdld contract template > contracts.csv',
      'hdld contract build contracts.csv --out out/',
      'hdld contract sign out/*.pdf --signer employer=employer.p12 --signer employee=employee.p12 --tsa http://tsa.example/tsr',
      'hdld contract package out/*.pdf --certifier provider.p12 --provider-id acme --provider-name "ACME eContract" --tsa http://tsa.example/tsr',
    ],
  );

  withExamples(
    contract
      .command('template')
      .description('print a CSV template (header and one example row) for contract build'),
    ['hdld contract template > contracts.csv'],
  ).action(async () => {
    const { csvTemplate } = await import('../contract/rows.js');
    ctx.term.write(csvTemplate());
  });

  withExamples(
    contract
      .command('build')
      .description(
        'turn JSON, NDJSON or CSV rows of main data into contract PDFs (with the data attached) and main-data files',
      )
      .argument('<input>', 'a .json (object or array), .ndjson or .csv file')
      .option('--out <dir>', 'output folder', '.'),
    ['hdld contract build contracts.csv --out out/', 'hdld contract build contract.json --out out/ --json'],
  ).action(async (input: string, flags: { out: string }) => {
    const [{ readContractRows }, { buildContract }, { loadContractFonts }] = await Promise.all([
      import('../contract/rows.js'),
      import('../contract/steps.js'),
      import('@hdld/sdk/node'),
    ]);
    const { rows, problems } = await readContractRows(input);
    for (const p of problems) ctx.term.err(`${input}:${p.line}: ${p.message}`);
    if (problems.length > 0) throw new ExitError(ExitCode.validationFailed);
    await mkdir(flags.out, { recursive: true });
    const fonts = await loadContractFonts();
    const built = [];
    for (const row of rows) {
      const reference = row.providerReference ?? referenceFromContractNumber(row.mainData.contractNumber);
      const { paths, sha256 } = await buildContract(flags.out, reference, row.mainData, fonts);
      built.push({ providerReference: reference, pdf: paths.pdf, mainData: paths.mainData, sha256 });
      if (!ctx.json) ctx.term.out(paths.pdf);
    }
    if (ctx.json) ctx.term.out(JSON.stringify(built, null, 2));
    ctx.term.err(`${t(ctx.lang, 'contract.built')}: ${built.length}`);
  });

  withExamples(
    contract
      .command('sign')
      .description('sign contract PDFs, party after party (PAdES; B-T with --tsa)')
      .argument('<pdf...>', 'contract PDFs built by `hdld contract build`')
      .requiredOption(
        '--signer <party=credential>',
        'employer=FILE.p12 or employee=KEY.pem+CERT.pem, repeatable, in signing order (P12 password: env HDLD_P12_PASSWORD_<PARTY> or HDLD_P12_PASSWORD)',
        (value: string, previous: PartySpec[]) => parsePartySpec(value, previous),
        [] as PartySpec[],
      )
      .option('--tsa <url>', 'RFC 3161 timestamp authority (the Platform requires B-T signatures)')
      .option(
        '--auth-method <method>',
        'how the signers were authenticated: VNEID, OTP_SMS, PASSWORD_2FA or OTHER',
        'OTHER',
      ),
    [
      'hdld contract sign out/HD-1.pdf --signer employer=employer.p12 --signer employee=employee.p12 --tsa http://127.0.0.1:3180',
      'hdld contract sign out/*.pdf --signer employee=employee.key+employee.crt --tsa http://127.0.0.1:3180 --auth-method VNEID',
    ],
  ).action(async (files: string[], flags: { signer: PartySpec[]; tsa?: string; authMethod: string }) => {
    const method = flags.authMethod.toUpperCase();
    if (!['VNEID', 'OTP_SMS', 'PASSWORD_2FA', 'OTHER'].includes(method))
      throw new UsageError(`--auth-method ${flags.authMethod}`);
    const { signContract } = await import('../contract/steps.js');
    const signers = await Promise.all(
      flags.signer.map(async (s) => ({ ...s, signer: await loadSigner(s.credential, s.party, ctx.env) })),
    );
    for (const file of files) {
      const { dir, reference } = referenceOf(file);
      for (const s of signers) {
        await signContract(dir, reference, {
          party: s.party,
          signer: s.signer,
          ...(flags.tsa ? { tsa: flags.tsa } : {}),
          authenticationMethod: method as 'OTHER',
        });
      }
      ctx.term.out(contractPaths(dir, reference).pdf);
    }
  });

  withExamples(
    contract
      .command('package')
      .description(
        'certify signed PDFs (certification evidence) and write the <ref>.submission.json files that sync sends',
      )
      .argument('<pdf...>', 'signed contract PDFs')
      .requiredOption(
        '--certifier <credential>',
        "the provider's certification credential: FILE.p12 or KEY.pem+CERT.pem",
      )
      .requiredOption('--provider-id <id>', 'provider id as registered with the Platform')
      .requiredOption('--provider-name <name>', 'provider name')
      .requiredOption('--tsa <url>', 'RFC 3161 timestamp authority for the evidence'),
    [
      'hdld contract package out/*.pdf --certifier provider.p12 --provider-id acme --provider-name "ACME eContract" --tsa http://127.0.0.1:3180',
    ],
  ).action(
    async (
      files: string[],
      flags: { certifier: string; providerId: string; providerName: string; tsa: string },
    ) => {
      const { packageContract } = await import('../contract/steps.js');
      const certifier = await loadSigner(flags.certifier, 'certifier', ctx.env);
      for (const file of files) {
        const { dir, reference } = referenceOf(file);
        const { paths } = await packageContract(dir, reference, {
          provider: { id: flags.providerId, name: flags.providerName },
          certifier,
          tsa: flags.tsa,
        });
        ctx.term.out(paths.submission);
      }
    },
  );

  withExamples(
    contract
      .command('inspect')
      .description(
        'show what a file holds: main data, signatures and timestamps, evidence (no trust check: see validate)',
      )
      .argument('<file>', 'a contract PDF, a .submission.json or an evidence .p7m'),
    ['hdld contract inspect out/HD-1.pdf', 'hdld contract inspect out/HD-1.submission.json --json'],
  ).action(async (file: string) => {
    if (!(await stat(file)).isFile()) throw new UsageError(`${file}: not a file`);
    const bytes = new Uint8Array(await readFile(file));
    const { inspectFile } = await import('../contract/inspect.js');
    const inspection = await inspectFile(file, bytes, ctx.lang);
    ctx.term.out(ctx.json ? JSON.stringify(inspection.data, null, 2) : inspection.text);
  });
}
