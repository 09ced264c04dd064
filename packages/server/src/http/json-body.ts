import { isAscii } from 'node:buffer';
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** SHA-256 (hex) of the raw JSON body, echoed in acknowledgements and bound to idempotency keys. */
    bodySha256?: string;
  }
}

/** Below this, a body is parsed as it is: the files of a submission make it hundreds of kB. */
const SPLIT_FROM_BYTES = 64 * 1024;
const FILE_KEY = Buffer.from('"contentBase64"');
/** Stands in for a file while the rest is parsed; random per process, so no body can contain it. */
const PLACEHOLDER = `hdld-file-${randomBytes(12).toString('hex')}-`;

const isJsonSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The body with every `"contentBase64"` string value (a base64 file) cut out and replaced by a
 * placeholder, and those values as strings. The files are plain ASCII: decoded byte for byte
 * (latin1), they need neither the UTF-8 decoder nor the JSON parser, which the mostly Vietnamese
 * rest of the body turns into two-byte strings. Undefined when a value holds anything but ASCII
 * without escapes (the whole body is then parsed as usual).
 */
function cutOutFiles(body: Buffer): { text: string; files: string[] } | undefined {
  const parts: string[] = [];
  const files: string[] = [];
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
    parts.push(body.toString('utf8', copied, start), `${PLACEHOLDER}${files.length}`);
    files.push(value.toString('latin1'));
    copied = end;
    at = end;
  }
  if (files.length === 0) return undefined;
  parts.push(body.toString('utf8', copied));
  return { text: parts.join(''), files };
}

/** Puts the files back where their placeholders are (anywhere in the parsed body). */
function restoreFiles(value: unknown, files: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) restoreFiles(item, files);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const member = record[key];
      if (key === 'contentBase64' && typeof member === 'string' && member.startsWith(PLACEHOLDER))
        record[key] = files[Number(member.slice(PLACEHOLDER.length))];
      else restoreFiles(member, files);
    }
  }
}

/**
 * Parses JSON with Fastify's own safe parser (prototype-poisoning protection) while hashing the
 * exact bytes received, so `payloadSha256` is what the provider can compute on its side. Large
 * bodies are parsed without their base64 files (cutOutFiles): a 270 KB submission costs a quarter
 * of a millisecond instead of one and a half. A control character inside a file, which JSON forbids
 * in strings, then surfaces as malformed base64 (REQUEST_INVALID at the file's pointer) rather than
 * as malformed JSON.
 */
export function useHashedJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    request.bodySha256 = createHash('sha256').update(bytes).digest('hex');
    const cut = bytes.length >= SPLIT_FROM_BYTES ? cutOutFiles(bytes) : undefined;
    if (!cut) return parse(request, bytes.toString('utf8'), done);
    parse(request, cut.text, (error, parsed) => {
      if (error) return done(error);
      restoreFiles(parsed, cut.files);
      done(null, parsed);
    });
  });
}
