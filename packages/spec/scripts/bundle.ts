import { fileURLToPath } from 'node:url';
import { bundle, loadConfig } from '@redocly/openapi-core';

export const specRoot = fileURLToPath(new URL('../openapi/openapi.yaml', import.meta.url));
const configPath = fileURLToPath(new URL('../redocly.yaml', import.meta.url));

/** Resolves every $ref of the split YAML sources into one OpenAPI document. */
export async function bundleSpec(): Promise<Record<string, unknown>> {
  const config = await loadConfig({ configPath });
  const result = await bundle({ ref: specRoot, config, dereference: false });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`Cannot bundle the spec:\n${errors.map((p) => `- ${p.message}`).join('\n')}`);
  }
  return result.bundle.parsed as Record<string, unknown>;
}
