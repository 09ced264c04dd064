import { createHmac } from 'node:crypto';

/** A keyed bijection on [0, 10^12) and its inverse (F9: serials neither enumerable nor revealing volumes). */
export interface SerialPermutation {
  permute(serial: number): number;
  unpermute(permuted: number): number;
}

const HALF_MODULUS = 1_000_000;
export const SERIAL_DOMAIN = HALF_MODULUS * HALF_MODULUS;
/** As in NIST SP 800-38G FF1, which uses the same modular-addition Feistel construction. */
const ROUNDS = 10;
const MIN_SECRET_BYTES = 32;

/**
 * Balanced Feistel network over two base-10^6 halves with modular addition: each round maps
 * (L, R) -> (R, (L + F(round, R)) mod 10^6), F = HMAC-SHA-256 keyed with the server secret.
 * The state is exactly the 10^12 twelve-digit numbers, so every value stays in the domain: no
 * cycle-walking is needed (that is only required when a binary Feistel covers a larger power of two).
 */
export function createSerialPermutation(secret: string | Uint8Array): SerialPermutation {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (key.length < MIN_SECRET_BYTES) {
    throw new RangeError(`the contract ID secret needs at least ${MIN_SECRET_BYTES} bytes`);
  }
  const round = (index: number, half: number): number => {
    const message = Buffer.alloc(5);
    message.writeUInt8(index, 0);
    message.writeUInt32BE(half, 1);
    // 48 bits mod 10^6: the bias (< 10^6 / 2^48) is far below anything observable.
    return createHmac('sha256', key).update(message).digest().readUIntBE(0, 6) % HALF_MODULUS;
  };
  const assertInDomain = (value: number) => {
    if (!Number.isSafeInteger(value) || value < 0 || value >= SERIAL_DOMAIN) {
      throw new RangeError('serial outside [0, 10^12)');
    }
  };
  return {
    permute(serial) {
      assertInDomain(serial);
      let left = Math.floor(serial / HALF_MODULUS);
      let right = serial % HALF_MODULUS;
      for (let index = 0; index < ROUNDS; index++) {
        [left, right] = [right, (left + round(index, right)) % HALF_MODULUS];
      }
      return left * HALF_MODULUS + right;
    },
    unpermute(permuted) {
      assertInDomain(permuted);
      let left = Math.floor(permuted / HALF_MODULUS);
      let right = permuted % HALF_MODULUS;
      for (let index = ROUNDS - 1; index >= 0; index--) {
        [left, right] = [(right - round(index, left) + HALF_MODULUS) % HALF_MODULUS, left];
      }
      return left * HALF_MODULUS + right;
    },
  };
}
