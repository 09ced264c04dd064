import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Kept after the run (gitignored): what a reader of /docs saw, offline. */
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
/** Debian's chromium; `.ci/run` installs it. */
const CHROMIUM = process.env.HDLD_CHROMIUM ?? '/usr/bin/chromium';

/**
 * S2.4, F11: `/docs` renders in a real browser with every request outside this server refused, so the
 * reference works offline: the operation list, then one operation reached by its link.
 */
describe('/docs in headless Chromium with the network blocked', () => {
  let server: TestServer;
  let browser: Browser;
  const blocked: string[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the operation list and an operation page', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'blob:' || url.protocol === 'data:')
        return route.continue();
      blocked.push(url.href);
      return route.abort('blockedbyclient');
    });
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));

    await page.goto(`${server.url}/docs?lang=en`);
    const menu = page.locator('.menu-content');
    await menu.getByText('contracts', { exact: true }).click({ timeout: 30_000 });
    const submit = menu.getByText('Submit a signed electronic labor contract');
    await expect.poll(() => submit.isVisible()).toBe(true);
    expect(await menu.getByText('Get a contract by its ID').isVisible()).toBe(true);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}docs-operation-list.png` });

    await submit.click();
    await expect.poll(() => page.url()).toContain('operation/submitContract');
    const heading = page.locator('h2', { hasText: 'Submit a signed electronic labor contract' });
    await expect.poll(() => heading.isVisible()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}docs-submit-contract.png` });

    // The guide's links (`/docs#operation/<id>`) land on their operation too.
    await page.goto(`${server.url}/docs?lang=vi#operation/getTransaction`);
    const linked = page.locator('h2', { hasText: "Get a transaction's status and outcome" });
    await expect.poll(() => linked.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.locator('.hdld-nav').textContent()).toContain('Hướng dẫn tích hợp');

    expect(failures).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
