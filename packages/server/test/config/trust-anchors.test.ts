import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPki } from '@hdld/sdk/testing';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { describeTrust, loadTrustDirectory } from '../../src/config/trust-anchors.js';
import { writeTrustDirectory } from '../support/server-process.js';

/** F8 trust anchors at start (issue 13): counted and warned about in the sandbox, required in production. */
describe('trust folders', () => {
  it('are counted per kind, with a warning in both languages for a kind with none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hdld-trust-'));
    try {
      await writeTrustDirectory(dir, (await createTestPki()).root.certificate);
      await rm(join(dir, 'tsa'), { recursive: true });
      const trust = await loadTrustDirectory(dir, 'sandbox');
      const lines = describeTrust(trust, dir);
      expect(lines[0]).toBe(`Trust anchors (${dir}): ca 1, tsa 0, certification 1`);
      expect(lines.slice(1)).toHaveLength(1);
      expect(lines[1]).toMatch(/^WARNING: no tsa trust anchor: every timestamp fails .* CẢNH BÁO: /);
      await expect(loadTrustDirectory(dir, 'production')).rejects.toThrow(ConfigError);
      await expect(loadTrustDirectory(dir, 'production')).rejects.toThrow(
        /^HDLD_TRUST_DIR: .*\/tsa is missing/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
