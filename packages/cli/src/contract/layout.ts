import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { SignatureField } from '@hdld/sdk/documents';
import type { Schemas } from '@hdld/spec';

/**
 * The on-disk layout shared by `contract build`, `contract sign`, `contract package`, `sync` and
 * `demo` (documented in packages/cli/README.md). One contract = files named after its provider
 * reference in one folder:
 *
 *   <ref>.main-data.json   ContractMainData (T6), written by `contract build`
 *   <ref>.pdf              the contract; `contract sign` adds one signed revision per party
 *   <ref>.signing.json     SigningRecord: who signed, with which certificate, when (for the evidence)
 *   <ref>.evidence.p7m     certification evidence (CMS, T8), written by `contract package`
 *   <ref>.submission.json  ContractSubmission with base64 files: what `hdld sync` sends
 */
export const SUFFIX = {
  mainData: '.main-data.json',
  pdf: '.pdf',
  signing: '.signing.json',
  evidence: '.evidence.p7m',
  submission: '.submission.json',
} as const;

export type Party = 'EMPLOYER' | 'EMPLOYEE';
type EvidenceSigner = Schemas['CertificationEvidence']['signers'][number];

/**
 * What the eContract knows about each signature, kept next to the PDF until the evidence is built:
 * where each party's signature box is (from the builder) and who signed, with which certificate.
 */
export type SigningRecord = {
  providerReference: string;
  fields: SignatureField[];
  signers: EvidenceSigner[];
};

export function contractPaths(dir: string, reference: string) {
  return {
    mainData: join(dir, `${reference}${SUFFIX.mainData}`),
    pdf: join(dir, `${reference}${SUFFIX.pdf}`),
    signing: join(dir, `${reference}${SUFFIX.signing}`),
    evidence: join(dir, `${reference}${SUFFIX.evidence}`),
    submission: join(dir, `${reference}${SUFFIX.submission}`),
  };
}

/** `x/HD-1.pdf` -> { dir: 'x', reference: 'HD-1' }, for any file of the layout. */
export function referenceOf(path: string): { dir: string; reference: string } {
  const name = basename(path);
  const suffix = Object.values(SUFFIX).find((s) => name.endsWith(s));
  return { dir: dirname(path), reference: suffix ? name.slice(0, -suffix.length) : name };
}

/** A provider reference usable as a file name, from the contract number ("12/2026/HĐLĐ" -> "12-2026-HDLD"). */
export function referenceFromContractNumber(contractNumber: string): string {
  return contractNumber
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/** Written to a temporary name and renamed, so an interrupted run never leaves half a file. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

export const writeJson = (path: string, value: unknown) =>
  writeAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
export const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

export async function readSigningRecord(path: string, providerReference: string): Promise<SigningRecord> {
  return readJson<SigningRecord>(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return { providerReference, fields: [], signers: [] };
    throw error;
  });
}

/** Every `*.submission.json` of a folder, sorted by name (the order sync sends them in). */
export async function listSubmissionFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((n) => n.endsWith(SUFFIX.submission))
    .sort()
    .map((n) => join(dir, n));
}
