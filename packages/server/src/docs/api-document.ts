import { openapiDocument } from '@hdld/spec';
import type { Mode } from '../config/settings.js';

const SERVER_DESCRIPTION: Record<Mode, string> = {
  sandbox: 'This sandbox: the test environment (môi trường thử nghiệm)',
  production: 'The Electronic Labor Contract Platform (Nền tảng hợp đồng lao động điện tử)',
};

/**
 * The bundled OpenAPI document as this server publishes it (`GET /openapi.json`, S2.4 "API
 * description"): its only server is this server's public URL, so production never advertises the
 * sandbox address the spec is written against.
 */
export function publishedApiDocument(mode: Mode, publicUrl: string): Record<string, unknown> {
  return {
    ...structuredClone(openapiDocument),
    servers: [{ url: publicUrl.replace(/\/+$/, ''), description: SERVER_DESCRIPTION[mode] }],
  };
}
