import type { HashName } from '../asn1/algorithm-oids.js';
import type { ByteRange } from '../pdf/signature-dictionaries.js';
import type { ForkableHash } from './crypto-provider.js';
import { cryptoProvider, type DigestSource, digest } from './verify-crypto.js';

const partsOf = (pdf: Uint8Array, [start, firstLength, gapEnd, secondLength]: ByteRange) => [
  pdf.subarray(start, start + firstLength),
  pdf.subarray(gapEnd, gapEnd + secondLength),
];

/**
 * Digests of the ByteRanges of one file's signatures. Each range starts at offset 0 and a later revision's
 * first part extends the earlier ones, so with a forkable hash (node:crypto) the file is hashed once: the
 * state after each first part is forked to add that signature's short second part, then hashing continues.
 * The digests are exactly those of each ByteRange; only the work on the shared prefix is not repeated.
 * Without forking (WebCrypto) each range is hashed on its own.
 */
export function rangeDigests(
  pdf: Uint8Array,
  ranges: readonly ByteRange[],
): (range: ByteRange) => DigestSource {
  const byHash = new Map<HashName, Map<ByteRange, Uint8Array>>();
  return (range) => {
    const forkable = cryptoProvider().forkableHash;
    if (!forkable || !ranges.includes(range)) return partsOf(pdf, range);
    return async (hash) => {
      let digests = byHash.get(hash);
      if (!digests) {
        digests = hashTogether(pdf, ranges, forkable(hash));
        byHash.set(hash, digests);
      }
      return digests.get(range) ?? digest(hash, partsOf(pdf, range));
    };
  };
}

function hashTogether(
  pdf: Uint8Array,
  ranges: readonly ByteRange[],
  state: ForkableHash,
): Map<ByteRange, Uint8Array> {
  const digests = new Map<ByteRange, Uint8Array>();
  let hashedTo = 0;
  for (const range of [...ranges].sort((a, b) => a[1] - b[1])) {
    const [start, firstLength, gapEnd, secondLength] = range;
    if (start !== 0) continue;
    state.update(pdf.subarray(hashedTo, firstLength));
    hashedTo = firstLength;
    const own = state.fork();
    own.update(pdf.subarray(gapEnd, gapEnd + secondLength));
    digests.set(range, own.digest());
  }
  return digests;
}
