import type { Platform } from '../platform.js';

export function jwksHandlers(platform: Platform) {
  return {
    /** The Platform's public keys, current first, then retired ones (RFC 7517 JWK Set). */
    async getPlatformKeys() {
      return { keys: [platform.keys.publicJwk, ...platform.keys.retired] };
    },
  };
}
