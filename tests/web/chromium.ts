/**
 * Debian's Chromium for the page tests, driven by playwright-core (never a browser download).
 * The tests skip, saying so, when it is absent.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (!hasChromium)
  console.warn(`tests/web: ${CHROMIUM} is absent, skipping the browser tests (apt-get install chromium).`);

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * Where screenshots go: README's copies in docs/screenshots/ are refreshed only on request
 * (WFM_UPDATE_SCREENSHOTS=1), so that a test run never rewrites tracked files; otherwise the ignored
 * tests/.artifacts/screenshots/.
 */
export function screenshotDir(): string {
  const dir =
    process.env.WFM_UPDATE_SCREENSHOTS === '1'
      ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots')
      : join(import.meta.dirname, '..', '.artifacts', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}
