import { isAscii, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { BodyFiles } from './body-files.js';
import { ProblemError } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** SHA-256 (hex) of the raw JSON body, echoed in acknowledgements and bound to idempotency keys. */
    bodySha256?: string;
  }
}

/** Below this, a body is parsed as it is: the files of a submission make it hundreds of kB. */
const SPLIT_FROM_BYTES = 64 * 1024;
/**
 * Shorter values stay in the text: they cost nothing to parse, and the schema's length limits
 * (evidence: minLength 4) then see the value itself rather than a placeholder.
 */
const MIN_FILE_BYTES = 1024;
const FILE_KEY = Buffer.from('"contentBase64"');
/**
 * The submissions (T5): their handlers read files through `bodyFilesOf`, and the spec types those
 * files as plain strings (Base64Document, CertificationEvidenceFile), checked while decoding, so the
 * validator accepts a placeholder exactly when it accepts a file. Explanation and report attachments
 * carry `format: byte` and length limits the validator must check on the text itself.
 */
export const FILES_AS_BYTES_ROUTES: ReadonlySet<string> = new Set([
  '/v1/contracts',
  '/v1/contracts/batch',
  '/v1/contracts/:contractId/lifecycle',
  '/v1/converted-paper-contracts',
]);

const isJsonSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The body with every `"contentBase64"` string value (a base64 file) of MIN_FILE_BYTES or more cut
 * out and replaced by a placeholder, and those values as bytes (BodyFiles). The files are plain
 * ASCII: they need neither the UTF-8 decoder nor the JSON parser, which the mostly Vietnamese rest
 * of the body turns into two-byte strings. Undefined when a value holds anything but ASCII without
 * escapes (the whole body is then parsed as usual).
 */
function cutOutFiles(body: Buffer): { text: string; files: BodyFiles } | undefined {
  const parts: string[] = [];
  const files = new BodyFiles();
  let copied = 0;
  for (let at = body.indexOf(FILE_KEY); at !== -1; at = body.indexOf(FILE_KEY, at + 1)) {
    // An odd number of backslashes before the quote: this is inside another string.
    let slashes = 0;
    while (body[at - 1 - slashes] === 0x5c) slashes++;
    if (slashes % 2 === 1) continue;
    let i = at + FILE_KEY.length;
    while (isJsonSpace(body[i])) i++;
    if (body[i] !== 0x3a) continue;
    i++;
    while (isJsonSpace(body[i])) i++;
    if (body[i] !== 0x22) continue;
    const start = i + 1;
    const end = body.indexOf(0x22, start);
    if (end === -1) return undefined;
    const value = body.subarray(start, end);
    if (value.includes(0x5c) || !isAscii(value)) return undefined;
    at = end;
    if (value.length < MIN_FILE_BYTES) continue;
    parts.push(body.toString('utf8', copied, start), files.add(value));
    copied = end;
  }
  if (parts.length === 0) return undefined;
  parts.push(body.toString('utf8', copied));
  return { text: parts.join(''), files };
}

/**
 * Parses JSON with Fastify's own safe parser (prototype-poisoning protection) while hashing the
 * exact bytes received, so `payloadSha256` is what the provider can compute on its side. Large
 * submissions are parsed without their base64 files (cutOutFiles), which stay bytes: a 270 KB
 * submission costs a quarter of a millisecond instead of one and a half, and its files are never
 * JavaScript strings. A control character inside a file, which JSON forbids in strings, then
 * surfaces as malformed base64 (REQUEST_INVALID at the file's pointer) rather than as malformed JSON.
 */
export function useHashedJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    // RFC 8259 §8.1: JSON is UTF-8; a decoder would silently turn bad bytes into U+FFFD.
    if (!isUtf8(bytes)) return done(notUtf8(), undefined);
    request.bodySha256 = createHash('sha256').update(bytes).digest('hex');
    const cut =
      bytes.length >= SPLIT_FROM_BYTES && FILES_AS_BYTES_ROUTES.has(request.routeOptions.url ?? '')
        ? cutOutFiles(bytes)
        : undefined;
    if (!cut) return parse(request, bytes.toString('utf8'), done);
    request.bodyFiles = cut.files;
    parse(request, cut.text, done);
  });
}

function notUtf8(): ProblemError {
  return new ProblemError('REQUEST_INVALID', {
    errors: [
      {
        code: 'REQUEST_INVALID',
        pointer: '/',
        detail: {
          en: 'The body is not valid UTF-8; JSON must be sent as UTF-8 (RFC 8259).',
          vi: 'Nội dung không phải UTF-8 hợp lệ; JSON phải được gửi dưới dạng UTF-8 (RFC 8259).',
        },
      },
    ],
  });
}
