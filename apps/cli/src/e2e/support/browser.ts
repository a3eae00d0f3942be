import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { repoRoot } from './web-dist.js';

export const screenshotDir = join(repoRoot, 'test-artifacts/screenshots');

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Full-page screenshot into test-artifacts/screenshots/<suite>-<name>.png. */
  shot(name: string, page?: Page): Promise<void>;
  close(): Promise<void>;
}

/** Debian's chromium, headless, with a fresh profile (no cookies or storage from earlier runs). */
export async function launchBrowser(baseURL: string, suite: string): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'openofd-chromium-'));
  mkdirSync(screenshotDir, { recursive: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.OFD_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    baseURL,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    viewport: { width: 1280, height: 860 },
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  // Surface errors of the page in the test output instead of failing silently.
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  return {
    context,
    page,
    async shot(name, p = page) {
      await p.screenshot({ path: join(screenshotDir, `${suite}-${name}.png`), fullPage: true });
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
