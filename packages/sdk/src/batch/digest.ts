import { sha256, toHex } from '../documents/cms/bytes.js';

/** Lowercase hex SHA-256, the form of `Sha256` in the spec. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(await sha256(bytes));
}
