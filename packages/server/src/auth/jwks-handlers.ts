import type { Platform } from '../platform.js';

export function jwksHandlers(platform: Platform) {
  return {
    /** The Platform's public keys, to verify receipts offline (RFC 7517 JWK Set). */
    async getPlatformKeys() {
      return { keys: [platform.keys.publicJwk] };
    },
  };
}
