/** Kept equal to package.json's version by a test; sent in the user-agent. */
export const SDK_VERSION = '0.1.0';

type RuntimeGlobals = {
  Deno?: { version?: { deno?: string } };
  Bun?: { version?: string };
  process?: { versions?: { node?: string }; platform?: string; arch?: string };
};

/** `name/version` of the JavaScript runtime, so the Platform's call log (F35) can tell SDK users apart. */
export function runtimeVersion(globals: RuntimeGlobals = globalThis as RuntimeGlobals): string {
  if (globals.Deno?.version?.deno) return `deno/${globals.Deno.version.deno}`;
  if (globals.Bun?.version) return `bun/${globals.Bun.version}`;
  const node = globals.process?.versions?.node;
  if (node) return `node/${node} (${globals.process?.platform}; ${globals.process?.arch})`;
  return 'browser';
}

export function userAgent(): string {
  return `hdld-sdk/${SDK_VERSION} ${runtimeVersion()}`;
}
