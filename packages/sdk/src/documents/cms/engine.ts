import * as pkijs from 'pkijs';

let installed = false;

/**
 * pkijs keeps a global crypto engine; bundlers and vitest workers do not always pick the right one
 * automatically, so every entry point that touches pkijs installs WebCrypto explicitly (browser and Node).
 */
export function ensureCryptoEngine(): void {
  if (installed) return;
  pkijs.setEngine('webcrypto', new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto }));
  installed = true;
}
