import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

export type Account = { email: string; password: string; displayName: string };

let counter = 0;
/** A fresh applicant account for one test (the API's neutral register, then sign-in happens in the page). */
export function newAccount(prefix = 'e2e'): Account {
  counter += 1;
  return {
    email: `${prefix}-${Date.now().toString(36)}-${counter}@example.com`,
    password: 'Filing-Journey-2026!',
    displayName: `测试用户${counter}`,
  };
}

export async function registerViaApi(page: Page, account: Account): Promise<void> {
  const res = await page.request.post('/api/v1/auth/register', { data: account });
  expect(res.status()).toBe(202);
}

/** Signs in through the API: the session cookie lands in the page's context. */
export async function signInViaApi(page: Page, account: Pick<Account, 'email' | 'password'>): Promise<void> {
  const res = await page.request.post('/api/v1/auth/login', {
    data: { email: account.email, password: account.password },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** axe (WCAG 2.0/2.1 A and AA) on the page as it is now: no serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${label}`,
  ).toEqual([]);
}

export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 780 } } as const;
const SHOTS = join(import.meta.dirname, '..', 'docs', 'screenshots');

/**
 * Screenshots of the current page in both languages and at both widths (docs/screenshots/<name>-<locale>-<width>.jpg),
 * with axe run on each variant. The page's language is switched through the app's own setting.
 */
export async function captureEverywhere(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const original = page.viewportSize();
  for (const locale of ['zh-CN', 'en-US'] as const) {
    await page.evaluate((l) => (globalThis as any).localStorage.setItem('beian.locale', l), locale);
    await page.reload();
    await page.waitForLoadState('networkidle');
    for (const [vp, size] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(size);
      await page.waitForTimeout(100);
      await expectAccessible(page, `${name} ${locale} ${vp}`);
      // JPEG keeps the committed set small (about a tenth of PNG) and is sharp enough to read every label.
      await page.screenshot({
        path: join(SHOTS, `${name}-${locale}-${vp}.jpg`),
        fullPage: true,
        type: 'jpeg',
        quality: 70,
      });
    }
  }
  await page.evaluate(() => (globalThis as any).localStorage.setItem('beian.locale', 'zh-CN'));
  if (original) await page.setViewportSize(original);
  await page.reload();
  await page.waitForLoadState('networkidle');
}

export const test = base;
