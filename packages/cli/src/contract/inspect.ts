import { extractMainData, readCertificationEvidence, verifyPdf } from '@hdld/sdk/documents';
import type { Lang, Schemas } from '@hdld/spec';
import { t } from '../i18n/messages.js';
import { table } from '../output/terminal.js';

type SignatureInfo = {
  index: number;
  signer?: string;
  issuer?: string;
  certificateSha256?: string;
  timestamp?: string;
  timestampAuthority?: string;
  coversWholeDocument: boolean;
};

async function inspectPdf(pdf: Uint8Array) {
  const mainData = await extractMainData(pdf).catch(() => undefined);
  // No trust anchors: the report still lists every signature, its certificate and timestamp.
  const report = await verifyPdf(pdf, { trust: {} });
  const signatures: SignatureInfo[] = report.signatures.map((s) => ({
    index: s.index,
    signer: s.signer?.subjectCommonName,
    issuer: s.signer?.issuerCommonName,
    certificateSha256: s.signer?.sha256,
    timestamp: s.timestamp?.time.toISOString(),
    timestampAuthority: s.timestamp?.tsa?.subjectCommonName,
    coversWholeDocument: s.coverage.wholeDocument,
  }));
  return { kind: 'pdf' as const, bytes: pdf.length, mainData, signatures };
}

function inspectEvidence(der: Uint8Array) {
  const evidence = readCertificationEvidence(der);
  return {
    kind: 'evidence' as const,
    content: evidence.content,
    timestamp: evidence.timestamp?.genTime?.toISOString(),
  };
}

function describePdf(pdf: Awaited<ReturnType<typeof inspectPdf>>, lang: Lang): string[] {
  const lines: string[] = [];
  if (pdf.mainData) {
    const d = pdf.mainData;
    lines.push(
      table([
        [t(lang, 'inspect.contractNumber'), d.contractNumber],
        [t(lang, 'field.employer'), d.employer.name],
        [t(lang, 'field.employee'), d.employee.fullName],
        [
          t(lang, 'field.term'),
          `${d.term.type} ${d.term.startDate}${d.term.endDate ? ` → ${d.term.endDate}` : ''}`,
        ],
      ]),
    );
  } else lines.push(t(lang, 'inspect.noMainData'));
  lines.push(`${t(lang, 'inspect.signatures')}: ${pdf.signatures.length}`);
  for (const s of pdf.signatures) {
    const ts = s.timestamp
      ? `${t(lang, 'inspect.timestamp')} ${s.timestamp} (${s.timestampAuthority ?? '?'})`
      : t(lang, 'inspect.noTimestamp');
    lines.push(`  ${s.index + 1}. ${s.signer ?? '?'} / ${s.issuer ?? '?'}; ${ts}`);
  }
  return lines;
}

/** `hdld contract inspect`: what a file holds, without judging trust (that is `hdld validate`). */
export async function inspectFile(
  name: string,
  bytes: Uint8Array,
  lang: Lang,
): Promise<{ data: unknown; text: string }> {
  if (name.endsWith('.p7m')) {
    const evidence = inspectEvidence(bytes);
    const c = evidence.content;
    const text = [
      `${t(lang, 'inspect.evidence')}: ${c.providerReference} (${c.provider.name})`,
      ...c.signers.map((s) => `  ${s.party} ${s.fullName} ${s.signedAt} ${s.authenticationMethod}`),
      ...c.documents.map((d) => `  ${d.role} ${d.name} ${d.sha256}`),
    ].join('\n');
    return { data: { file: name, ...evidence }, text };
  }
  if (name.endsWith('.json')) {
    const submission = JSON.parse(new TextDecoder().decode(bytes)) as Schemas['ContractSubmission'];
    const documents = await Promise.all(
      submission.documents.map(async (d) => ({
        role: d.role,
        fileName: d.fileName,
        ...(await inspectPdf(Buffer.from(d.contentBase64, 'base64'))),
      })),
    );
    const evidence = inspectEvidence(Buffer.from(submission.evidence.contentBase64, 'base64'));
    const text = [
      `${t(lang, 'field.reference')}: ${submission.providerReference}`,
      ...documents.flatMap((d) => [
        `${d.role} ${d.fileName}`,
        ...describePdf(d, lang)
          .flatMap((l) => l.split('\n'))
          .map((l) => `  ${l}`),
      ]),
      `${t(lang, 'inspect.evidence')}: ${evidence.content.signers.map((s) => `${s.party} ${s.fullName}`).join(', ')}`,
      `${t(lang, 'inspect.logEvents')}: ${submission.transactionLog.events.length}`,
    ].join('\n');
    return {
      data: {
        file: name,
        kind: 'submission',
        providerReference: submission.providerReference,
        documents,
        evidence,
      },
      text,
    };
  }
  const pdf = await inspectPdf(bytes);
  return { data: { file: name, ...pdf }, text: describePdf(pdf, lang).join('\n') };
}
