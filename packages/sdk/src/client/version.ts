/** Kept equal to package.json's version by a test; sent in the user-agent. */
export const SDK_VERSION = '0.1.0';

export function userAgent(): string {
  const runtime =
    typeof process !== 'undefined' && process.versions?.node ? `node/${process.versions.node}` : 'browser';
  return `hdld-sdk/${SDK_VERSION} ${runtime}`;
}
