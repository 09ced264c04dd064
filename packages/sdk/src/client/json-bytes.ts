/** Strings this long or longer (a base64 document) are copied into the output, not re-encoded. */
const LARGE = 16 * 1024;

/** Printable ASCII but `"` and `\`: JSON.stringify writes such a string as it is, between quotes. */
const VERBATIM = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

const encoder = new TextEncoder();
const TOKEN = `hdld-json-${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')}-`;
const MARKER = new RegExp(`"${TOKEN}(\\d+)"`);

/**
 * The UTF-8 bytes of `JSON.stringify(value)`, exactly, built without making the large strings a
 * submission holds (its base64 documents) into another string or a second copy: stringify and encode
 * would make two ~300 KB temporaries per submission, which cost ~4 ms of CPU here, this ~0.3 ms.
 * Large strings that JSON writes verbatim stand in as placeholders while the rest is stringified
 * (so JSON's own rules apply to everything else), then go straight into the output.
 */
export function jsonBytes(value: unknown): Uint8Array<ArrayBuffer> {
  const large: string[] = [];
  const text = JSON.stringify(value, (_key, member: unknown) => {
    if (typeof member !== 'string' || member.length < LARGE || !VERBATIM.test(member)) return member;
    large.push(member);
    return `${TOKEN}${large.length - 1}`;
  });
  if (text === undefined) throw new TypeError('jsonBytes: the value has no JSON form');
  if (large.length === 0) return encoder.encode(text);
  const pieces = text.split(MARKER);
  // Odd pieces are the indexes of large strings (ASCII: one byte a character, plus quotes); a UTF-16
  // code unit of the rest takes at most 3 bytes.
  let bound = 0;
  for (let i = 0; i < pieces.length; i++)
    bound += i % 2 === 1 ? large[Number(pieces[i])]!.length + 2 : pieces[i]!.length * 3;
  const out = new Uint8Array(bound);
  let at = 0;
  for (let i = 0; i < pieces.length; i++) {
    if (i % 2 === 1) {
      out[at++] = 0x22;
      at += encoder.encodeInto(large[Number(pieces[i])]!, out.subarray(at)).written;
      out[at++] = 0x22;
    } else {
      at += encoder.encodeInto(pieces[i]!, out.subarray(at)).written;
    }
  }
  return out.subarray(0, at);
}

/**
 * The request body serializer of both request paths (the resources' and `client.api`'s
 * openapi-fetch): openapi-fetch's default, with JSON as bytes (jsonBytes).
 */
export function serializeBody(
  body: unknown,
  headers?: Record<string, string> | Headers,
): FormData | string | Uint8Array<ArrayBuffer> {
  if (body instanceof FormData) return body;
  const type =
    headers instanceof Headers
      ? headers.get('content-type')
      : (headers?.['Content-Type'] ?? headers?.['content-type']);
  if (type === 'application/x-www-form-urlencoded')
    return new URLSearchParams(body as Record<string, string>).toString();
  return jsonBytes(body);
}
