import { readFile, writeFile } from 'node:fs/promises';
import type { HdldClient } from '@hdld/sdk';
import type { Context } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { t } from '../i18n/messages.js';
import { ExitError, UsageError } from '../output/errors.js';
import { type Field, fieldsObject, fieldsQuery, parseField } from './fields.js';

export type ApiFlags = {
  field?: string[];
  rawField?: string[];
  input?: string;
  header?: string[];
  include?: boolean;
  output?: string;
};

/** Methods whose fields go into the query string; the others send them as a JSON body. */
const QUERY_METHODS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);

const isJson = (type: string) => /^application\/([\w.+-]+\+)?json\b/i.test(type);

/**
 * `hdld api METHOD PATH`: one raw call with the profile's token (gh api's model). The answer's body
 * goes to stdout when it succeeded; a refusal's problem+json goes to stderr with the documented
 * exit: 4 for 401/403, 3 for any other 4xx, 1 for a 5xx (network faults are reported by the caller,
 * exit 1).
 */
export async function rawCall(
  ctx: Context,
  client: HdldClient,
  method: string,
  path: string,
  flags: ApiFlags,
) {
  const { lang } = ctx;
  const verb = method.toUpperCase();
  if (!/^[A-Z]+$/.test(verb)) throw new UsageError(`METHOD ${method}`);
  const bad = t(lang, 'api.badField');
  const fields: Field[] = [];
  for (const spec of flags.field ?? []) {
    const { file, ...field } = parseField(spec, true, bad);
    fields.push(file === undefined ? field : { ...field, value: await readText(ctx, file) });
  }
  for (const spec of flags.rawField ?? []) fields.push(parseField(spec, false, bad));
  const headers: Record<string, string> = {};
  for (const spec of flags.header ?? []) {
    const colon = spec.indexOf(':');
    if (colon <= 0) throw new UsageError(`${t(lang, 'api.badHeader')}: ${spec}`);
    headers[spec.slice(0, colon).trim().toLowerCase()] = spec.slice(colon + 1).trim();
  }

  const target = normalizePath(path, lang);
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  let query = '';
  if (flags.input !== undefined) {
    body = await readBytes(ctx, flags.input);
    query = fieldsQuery(fields, bad);
  } else if (QUERY_METHODS.has(verb)) {
    query = fieldsQuery(fields, bad);
  } else if (fields.length > 0) {
    body = JSON.stringify(fieldsObject(fields, bad));
  }
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const separator = target.includes('?') ? '&' : '?';
  const response = await client.request({
    method: verb,
    path: query ? `${target}${separator}${query}` : target,
    body,
    headers,
    signal: ctx.signal,
  });

  if (flags.include) {
    ctx.term.err(`HTTP ${response.status} ${response.statusText}`.trimEnd());
    response.headers.forEach((value, name) => {
      ctx.term.err(`${name}: ${value}`);
    });
  }
  const type = response.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!response.ok) {
    ctx.term.err(render(bytes, type) ?? `HTTP ${response.status}`);
    const code =
      response.status === 401 || response.status === 403
        ? ExitCode.auth
        : response.status < 500
          ? ExitCode.validationFailed
          : ExitCode.error;
    throw new ExitError(code);
  }
  if (flags.output !== undefined) return writeFile(flags.output, bytes);
  if (bytes.length === 0) return;
  const text = render(bytes, type);
  if (text === undefined) {
    // Binary (a PDF, a CMS file): never dumped into a terminal; --output writes it.
    ctx.term.err(`${type} ${bytes.length} B: --output FILE`);
    return;
  }
  ctx.term.out(text);
}

/** JSON pretty-printed, other text as it is, binary undefined. */
function render(bytes: Uint8Array, type: string): string | undefined {
  const text = new TextDecoder().decode(bytes);
  if (isJson(type)) {
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return text;
    }
  }
  if (type === '' || /^text\//i.test(type) || /xml/i.test(type)) return text;
  return undefined;
}

/** `v1/providers` or `/v1/providers`; an absolute URL (another host, the token with it) is refused. */
function normalizePath(path: string, lang: Context['lang']): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//'))
    throw new UsageError(`${t(lang, 'api.badPath')}: ${path}`);
  return path.startsWith('/') ? path : `/${path}`;
}

async function readBytes(ctx: Context, file: string): Promise<Uint8Array<ArrayBuffer>> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.term.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
    return new Uint8Array(Buffer.concat(chunks));
  }
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    throw new UsageError(`${file}: ${t(ctx.lang, 'api.noSuchFile')}`);
  }
}

const readText = async (ctx: Context, file: string) => new TextDecoder().decode(await readBytes(ctx, file));
