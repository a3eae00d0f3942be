import type { Locator, Page } from 'playwright-core';
import type { Browser } from './browser.js';

/** Opens the dev mailbox in a second tab and waits for a message to `to` matching `match`. */
export async function readDevMessage(
  browser: Browser,
  to: string,
  match: RegExp,
): Promise<{ text: string; links: string[]; tab: Page; card: Locator }> {
  const tab = await browser.context.newPage();
  await tab.goto('/dev/mail');
  await tab.getByLabel('Кому').fill(to);
  const card = tab.getByTestId('dev-message').filter({ hasText: match }).first();
  await card.waitFor();
  const text = (await card.textContent()) ?? '';
  const links = await card.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return { text, links, tab, card };
}

export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail или телефон').fill(login);
  await page.getByLabel('Пароль').first().fill(password);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Выход' }).click();
  await page.waitForURL('**/sign-in');
}

export async function switchOrganization(page: Page, name: RegExp): Promise<void> {
  await page.getByTestId('organization-switcher').click();
  await page.getByRole('menuitem', { name }).click();
}

/** The text of the elements a field names in aria-describedby: how a screen reader hears its error. */
export async function describedText(field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const page = field.page();
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}
