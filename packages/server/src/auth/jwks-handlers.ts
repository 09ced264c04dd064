import type { Platform } from '../platform.js';
import { publishedJwks } from './platform-keys.js';

export function jwksHandlers(platform: Platform) {
  return {
    /** The Platform's public keys, to verify receipts offline (RFC 7517 JWK Set). */
    async getPlatformKeys() {
      return publishedJwks(platform.keys);
    },
  };
}
