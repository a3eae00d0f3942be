import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { issueTestCertificate, writeCertificateFiles } from '@openofd/core';
import type { Locator, Page, Request } from 'playwright-core';
import { type Browser, launchBrowser } from './support/browser.js';
import { type Stack, startStack } from './support/stack.js';
import { repoRoot } from './support/web-dist.js';

// One user's story through the real stack, step by step (each step builds on the last).
const EMAIL = 'ivanova@example.ru';
const PHONE_TYPED = '89161234567';
const PHONE = '+79161234567';
const PASSWORD = 'Kassa2024pass';
const NEW_PASSWORD = 'Novyi2025Parol';
const P12_FIXTURE = join(repoRoot, 'apps/web/src/features/certificate-sign-in/crypto/fixtures/ec.p12');
const COLLEAGUE = 'buh@example.ru';
const NEW_EMAIL = 'maria@example.ru';
const COLLEAGUE_PASSWORD = 'Buhgalter2024';
const THIRD_PASSWORD = 'Tretii2026Parol';
const ORG_1 = { name: 'ООО «Ромашка»', inn: '7707083893', kpp: '773601001' };
const ORG_2: { name: string; inn: string; kpp?: string } = { name: 'ООО «Василёк»', inn: '7736207543' };

let stack: Stack;
let browser: Browser;
let page: Page;
const tmp = mkdtempSync(join(tmpdir(), 'openofd-e2e-'));

/** Opens the dev mailbox in a second tab, waits for a message to `to`, returns its card's text and links. */
async function readDevMessage(
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

async function signIn(login: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail или телефон').fill(login);
  await page.getByLabel('Пароль').first().fill(password);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
}

async function signOut() {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Выход' }).click();
  await page.waitForURL('**/sign-in');
}

describe('cabinet in Chromium', { concurrency: false }, () => {
  before(async () => {
    stack = await startStack();
    browser = await launchBrowser(stack.url);
    page = browser.page;
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('signs up: phone mask, password rules while typing, then «Проверьте почту»', async () => {
    await page.goto('/sign-up');
    await page.getByRole('heading', { name: 'Регистрация' }).waitFor();
    // Submitting empty shows errors next to the fields, without a request.
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await page.getByText('Укажите адрес электронной почты').first().waitFor();
    await browser.shot('01-sign-up-errors');

    await page.getByLabel('Электронная почта').fill(EMAIL);
    await page.getByLabel('Мобильный телефон').pressSequentially(PHONE_TYPED);
    assert.equal(await page.getByLabel('Мобильный телефон').inputValue(), '+7 (916) 123-45-67');
    await page.getByLabel('Ф.И.О.').fill('Иванова Мария Петровна');
    const password = page.getByLabel('Пароль').first();
    await password.fill('kassa');
    assert.equal(await page.locator('[data-rule="length"]').getAttribute('data-ok'), 'false');
    await password.fill(PASSWORD);
    for (const rule of ['length', 'letters', 'digit']) {
      assert.equal(await page.locator(`[data-rule="${rule}"]`).getAttribute('data-ok'), 'true', rule);
    }
    await browser.shot('02-sign-up-filled');
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await page.getByRole('heading', { name: 'Проверьте почту' }).waitFor();
    await page.getByText(EMAIL).waitFor();
    await browser.shot('03-check-email');
  });

  it('refuses sign-in before the e-mail is confirmed', async () => {
    await signIn(EMAIL, PASSWORD);
    await page.getByTestId('form-error').waitFor();
    assert.match((await page.getByTestId('form-error').textContent()) ?? '', /не подтвержд/);
    await page.getByRole('button', { name: /Отправить письмо для подтверждения/ }).waitFor();
    await browser.shot('04-sign-in-unconfirmed');
  });

  it('reads the letter in the dev mailbox and confirms by its link', async () => {
    const { links, tab } = await readDevMessage(EMAIL, /confirm-email/);
    await browser.shot('05-dev-mailbox', tab);
    // The letter links to the public origin; the dev mailbox opens it on this server.
    assert.ok(
      links.some((l) => l.startsWith('/confirm-email?token=')),
      `confirmation link in ${links.join(', ')}`,
    );
    await tab.getByRole('link', { name: /confirm-email\?token=/ }).click();
    await tab.getByText('Адрес подтверждён').waitFor();
    assert.ok(tab.url().startsWith(`${stack.url}/confirm-email?token=`), tab.url());
    await browser.shot('06-email-confirmed', tab);
    await tab.close();
  });

  it('signs in by phone and lands in the cabinet', async () => {
    await signIn('8 (916) 123-45-67', PASSWORD);
    await page.waitForURL('**/profile');
    await page.getByRole('heading', { name: 'Профиль' }).waitFor();
    // Only sections that exist are in the navigation.
    const nav = page.getByRole('navigation', { name: 'Разделы кабинета' });
    for (const absent of ['Кассы', 'Чеки', 'Аналитика', 'Маркет']) {
      assert.equal(await nav.getByText(absent, { exact: true }).count(), 0, absent);
    }
    await page.getByRole('button', { name: 'Уведомления' }).click();
    await page.getByText('Нет уведомлений').waitFor();
    await browser.shot('07-profile-first-sign-in');
    await page.keyboard.press('Escape');
  });

  it('creates organizations; a bad INN is shown beside the field', async () => {
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByText('Организации').click();
    await page.getByRole('heading', { name: 'Организации' }).waitFor();
    for (const [i, org] of [ORG_1, ORG_2].entries()) {
      await page.getByRole('button', { name: 'Добавить организацию' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Название').fill(org.name);
      // Checksum is wrong, format is right: only the server can tell.
      await dialog.getByLabel('ИНН').fill(i === 0 ? '7707083894' : org.inn);
      if (org.kpp) await dialog.getByLabel('КПП').fill(org.kpp);
      await dialog.getByRole('button', { name: 'Добавить' }).click();
      if (i === 0) {
        await dialog.getByLabel('ИНН').and(page.locator('[aria-invalid="true"]')).waitFor();
        await browser.shot('08-organization-bad-inn');
        await dialog.getByLabel('ИНН').fill(org.inn);
        await dialog.getByRole('button', { name: 'Добавить' }).click();
      }
      await dialog.waitFor({ state: 'detached' });
    }
    await assertRows(2);
    await browser.shot('09-organizations');
  });

  it('edits the profile and the organization details, with per-field errors', async () => {
    await page.goto('/profile');
    const personal = page.getByRole('form', { name: 'Личные данные' });
    await personal.getByLabel('Ф.И.О.').fill('Иванова Мария Сергеевна');
    await personal.getByRole('button', { name: 'Сохранить' }).click();
    await personal.getByText('Сохранено').waitFor();

    const details = page.getByRole('form', { name: 'Реквизиты организации' });
    await details.getByLabel('КПП').fill('77360');
    await details.getByLabel('ИНН').fill('7707083894');
    await details.getByRole('button', { name: 'Сохранить реквизиты' }).click();
    // KPP format: caught in the browser, before any request.
    await details.getByText('КПП — 9 знаков').waitFor();
    await details.getByLabel('КПП').fill('773601001');
    await details.getByRole('button', { name: 'Сохранить реквизиты' }).click();
    // INN checksum: the server's message, beside the INN field, focused.
    await details.getByLabel('ИНН').and(page.locator('[aria-invalid="true"]')).waitFor();
    await browser.shot('10-profile-bad-inn');
    await details.getByLabel('ИНН').fill((await currentInn()) ?? '');
    await details.getByLabel('Ф.И.О. руководителя').fill('Петров Пётр Петрович');
    await details.getByLabel('Юридический адрес').fill('г. Москва, ул. Ленина, д. 1');
    await details.getByLabel('Совпадает с юридическим').check();
    await details.getByRole('button', { name: 'Сохранить реквизиты' }).click();
    await details.getByText('Сохранено').waitFor();
    assert.equal(await details.getByLabel('Фактический адрес').inputValue(), 'г. Москва, ул. Ленина, д. 1');
    await page.reload();
    await page
      .getByRole('form', { name: 'Реквизиты организации' })
      .getByLabel('Ф.И.О. руководителя')
      .and(page.locator('[value="Петров Пётр Петрович"]'))
      .waitFor();
    await browser.shot('11-profile-saved');
  });

  it('switches the organization from the top bar', async () => {
    const switcher = page.getByTestId('organization-switcher');
    const before = ((await switcher.textContent()) ?? '').trim();
    await switcher.click();
    const other = before.includes('Ромашка') ? ORG_2.name : ORG_1.name;
    await page.getByRole('menuitem', { name: new RegExp(other.replace(/[«»]/g, '.')) }).click();
    await switcher.getByText(other).waitFor();
    await page.getByRole('heading', { name: `Реквизиты организации «${other}»` }).waitFor();
    await browser.shot('12-organization-switched');
  });

  it('shows the security log', async () => {
    await page.goto('/security');
    await page.getByRole('heading', { name: 'Журнал безопасности' }).waitFor();
    await page.getByRole('table').getByText('Регистрация').first().waitFor();
    await browser.shot('13-security-log');
  });

  it('recovers the password by an SMS code', async () => {
    await signOut();
    await page.goto('/forgot-password');
    await page.getByRole('tab', { name: 'По телефону' }).click();
    await page.getByLabel('Мобильный телефон').pressSequentially(PHONE_TYPED);
    await page.getByRole('button', { name: 'Получить код по SMS' }).click();
    await page.getByLabel('Код из SMS').waitFor();
    const sms = await readDevMessage(PHONE, /\d{6}/);
    await sms.tab.close();
    const code = /\b(\d{6})\b/.exec(sms.text)?.[1];
    assert.ok(code, sms.text);
    // A wrong code first: the error comes back and the form stays.
    await page.getByLabel('Код из SMS').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Подтвердить код' }).click();
    await page.getByLabel('Код из SMS').and(page.locator('[aria-invalid="true"]')).waitFor();
    await browser.shot('14-recovery-wrong-code');
    await page.getByLabel('Код из SMS').fill(code);
    await page.getByRole('button', { name: 'Подтвердить код' }).click();
    await page.getByLabel('Новый пароль').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await page.getByText('Пароль изменён').waitFor();
    await browser.shot('15-recovery-done');
    await signIn(EMAIL, NEW_PASSWORD);
    await page.waitForURL('**/profile');
  });

  it('opens a PKCS#12 file in the browser; a wrong password or an untrusted certificate is explained', async () => {
    // Leave the cabinet on the other organization: certificate sign-in must come back to the certificate's.
    await page.getByTestId('organization-switcher').click();
    await page.getByRole('menuitem', { name: /Василёк/ }).click();
    await page.getByTestId('organization-switcher').getByText(ORG_2.name).waitFor();
    await signOut();
    await page.goto('/sign-in/certificate');
    // An OpenSSL-made .p12 whose self-signed certificate no trusted CA vouches for.
    await page.locator('input[type="file"]').setInputFiles(P12_FIXTURE);
    await page.getByLabel('Пароль к файлу').fill('wrong');
    await page.getByRole('button', { name: 'Подписать и войти' }).click();
    await page.getByText('Неверный пароль к файлу сертификата').waitFor();
    await page.getByLabel('Пароль к файлу').fill('secret-пароль');
    await page.getByRole('button', { name: 'Подписать и войти' }).click();
    await page.getByTestId('form-error').waitFor();
    await page.getByLabel('Выбранный сертификат').getByText('ИНН 7707083893').waitFor();
    assert.equal(new URL(page.url()).pathname, '/sign-in/certificate');
    await browser.shot('16a-certificate-untrusted');
  });

  it('signs in by certificate from PEM files: the key is opened and used in the browser', async () => {
    const issued = await issueTestCertificate(stack.ca, { inn: ORG_1.inn, name: 'ООО Ромашка' });
    const files = await writeCertificateFiles(join(tmp, 'romashka'), issued, 'Пароль-p12');
    await page.goto('/sign-in/certificate');
    await page.getByText('PEM-файлы').click();
    await page.locator('input[type="file"]').nth(0).setInputFiles(files.certificate);
    await page.locator('input[type="file"]').nth(1).setInputFiles(files.privateKey);
    await browser.shot('16-certificate-chosen');
    const keyLeaves: string[] = [];
    const watch = (r: Request) => {
      if ((r.postData() ?? '').includes('PRIVATE KEY')) keyLeaves.push(r.url());
    };
    page.on('request', watch);
    await page.getByRole('button', { name: 'Подписать и войти' }).click();
    await page.waitForURL('**/profile');
    await page.getByRole('heading', { name: 'Профиль' }).waitFor();
    page.off('request', watch);
    assert.deepEqual(keyLeaves, [], 'the private key must never be sent');
    // The cabinet opens on the organization the certificate names.
    await page.getByTestId('organization-switcher').getByText(ORG_1.name).waitFor();
    await browser.shot('17-certificate-signed-in');

    // The same certificate as the .p12 that `openofd ca issue` writes.
    await signOut();
    await page.goto('/sign-in/certificate');
    await page.locator('input[type="file"]').setInputFiles(files.pkcs12);
    await page.getByLabel('Пароль к файлу').fill('Пароль-p12');
    await page.getByRole('button', { name: 'Подписать и войти' }).click();
    await page.waitForURL('**/profile');
  });

  it('fits a phone screen: navigation behind the burger', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/organizations');
    await page.getByRole('heading', { name: 'Организации' }).waitFor();
    await browser.shot('18-mobile-organizations');
    await page.getByRole('button', { name: 'Меню разделов' }).click();
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByText('Профиль').click();
    await page.getByRole('heading', { name: 'Профиль' }).waitFor();
    await browser.shot('19-mobile-profile');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('invites a colleague, who joins by the letter', async () => {
    await page.goto('/organizations');
    const invite = page.getByRole('form', { name: 'Пригласить пользователя' });
    await invite.getByLabel('Пригласить по e-mail').fill(COLLEAGUE);
    await invite.getByRole('button', { name: 'Пригласить' }).click();
    await invite.getByText(`Приглашение отправлено на ${COLLEAGUE}`).waitFor();
    await page.getByRole('table', { name: 'Пользователи организации' }).getByText(COLLEAGUE).waitFor();
    await signOut();
    const letter = await readDevMessage(COLLEAGUE, /invitation/);
    const tab = letter.tab;
    await tab.getByRole('link', { name: /invitation\?token=/ }).click();
    await tab.getByRole('heading', { name: 'Приглашение в организацию' }).waitFor();
    await tab.getByLabel('Мобильный телефон').pressSequentially('9031234567');
    await tab.getByLabel('Пароль').first().fill(COLLEAGUE_PASSWORD);
    await browser.shot('20-invitation', tab);
    await tab.getByRole('button', { name: 'Создать аккаунт и принять' }).click();
    await tab.waitForURL('**/organizations');
    const row = tab.getByTestId('organization-row');
    await row.first().waitFor();
    assert.equal(await row.count(), 1);
    assert.match((await row.textContent()) ?? '', /Бухгалтер/);
    await browser.shot('21-invitation-accepted', tab);
    await tab.getByTestId('user-menu').click();
    await tab.getByRole('menuitem', { name: 'Выход' }).click();
    await tab.waitForURL('**/sign-in');
    await tab.close();
  });

  it('changes the e-mail only after the letter to the new address is opened', async () => {
    await signIn(EMAIL, NEW_PASSWORD);
    await page.waitForURL('**/profile');
    const form = page.getByRole('form', { name: 'Смена e-mail' });
    await form.getByLabel('Новый адрес').fill(NEW_EMAIL);
    await form.getByLabel('Текущий пароль').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Отправить письмо для подтверждения' }).click();
    await form.getByText(`Ждёт подтверждения: ${NEW_EMAIL}`).waitFor();
    const letter = await readDevMessage(NEW_EMAIL, /confirm-email-change/);
    await letter.tab.getByRole('link', { name: /confirm-email-change\?token=/ }).click();
    await letter.tab.getByText('Адрес изменён').waitFor();
    await browser.shot('22-email-changed', letter.tab);
    await letter.tab.close();
    await page.reload();
    await page.getByRole('form', { name: 'Смена e-mail' }).getByText(NEW_EMAIL).waitFor();
  });

  it('locks sign-in after repeated wrong passwords and says until when', async () => {
    await signOut();
    for (let attempt = 1; attempt <= 8; attempt++) {
      await signIn(NEW_EMAIL, `Wrong${attempt}Password`);
      await page.getByTestId('form-error').waitFor();
      if ((await page.getByTestId('locked-until').count()) > 0) break;
    }
    await page.getByTestId('locked-until').waitFor();
    assert.match((await page.getByTestId('form-error').textContent()) ?? '', /заблокирован/);
    // Even the right password is refused while locked.
    await signIn(NEW_EMAIL, NEW_PASSWORD);
    await page.getByTestId('locked-until').waitFor();
    await browser.shot('23-sign-in-locked');
  });

  it('recovers by the e-mail link, which also lifts the lock', async () => {
    await page.goto('/forgot-password');
    await page.getByLabel('Электронная почта').fill(NEW_EMAIL);
    await page.getByRole('button', { name: 'Отправить ссылку' }).click();
    await page.getByText('Письмо отправлено').waitFor();
    const letter = await readDevMessage(NEW_EMAIL, /reset-password/);
    await letter.tab.getByRole('link', { name: /reset-password\?token=/ }).click();
    await letter.tab.getByRole('heading', { name: 'Новый пароль' }).waitFor();
    await letter.tab.getByLabel('Новый пароль').fill(THIRD_PASSWORD);
    await letter.tab.getByRole('button', { name: 'Сохранить пароль' }).click();
    await letter.tab.getByText('Пароль изменён').waitFor();
    await browser.shot('24-reset-by-email', letter.tab);
    await letter.tab.close();
    await signIn(NEW_EMAIL, THIRD_PASSWORD);
    await page.waitForURL('**/profile');
  });

  it('invites an existing user, who signs in from the letter and accepts', async () => {
    await page.getByTestId('organization-switcher').click();
    await page.getByRole('menuitem', { name: /Василёк/ }).click();
    await page.goto('/organizations');
    await page.getByRole('heading', { name: 'Пользователи «ООО «Василёк»»' }).waitFor();
    const invite = page.getByRole('form', { name: 'Пригласить пользователя' });
    await invite.getByLabel('Пригласить по e-mail').fill(COLLEAGUE);
    await invite.getByLabel('Роль').click();
    await page.getByRole('option', { name: 'Кассир (просмотр)' }).click();
    await invite.getByRole('button', { name: 'Пригласить' }).click();
    await invite.getByText(`Приглашение отправлено на ${COLLEAGUE}`).waitFor();
    // The browser remembers «Ромашка» (where the colleague already works); accepting must switch to «Василёк».
    await page.getByTestId('organization-switcher').click();
    await page.getByRole('menuitem', { name: /Ромашка/ }).click();
    await signOut();
    const letter = await readDevMessage(COLLEAGUE, /Василёк/);
    const tab = letter.tab;
    await letter.card.getByRole('link', { name: /invitation\?token=/ }).click();
    await tab.getByText(`Приглашение для ${COLLEAGUE}`).waitFor();
    await tab.getByRole('link', { name: 'Войти' }).click();
    await tab.getByLabel('E-mail или телефон').fill(COLLEAGUE);
    await tab.getByLabel('Пароль').first().fill(COLLEAGUE_PASSWORD);
    await tab.getByRole('button', { name: 'Войти', exact: true }).click();
    // Back on the invitation after signing in.
    await tab.getByRole('button', { name: 'Принять приглашение' }).click();
    await tab.waitForURL('**/organizations');
    await tab.getByTestId('organization-row').nth(1).waitFor();
    assert.match(
      (await tab.getByTestId('organization-row').allTextContents()).join('|'),
      /Кассир \(просмотр\)/,
    );
    await tab.getByTestId('organization-switcher').getByText(ORG_2.name).waitFor();
    await browser.shot('25-invitation-existing-accepted', tab);
    await tab.close();
  });
});

async function assertRows(n: number) {
  await page
    .getByTestId('organization-row')
    .nth(n - 1)
    .waitFor();
  assert.equal(await page.getByTestId('organization-row').count(), n);
}

/** INN of the organization currently chosen in the top bar. */
async function currentInn(): Promise<string | undefined> {
  const name = ((await page.getByTestId('organization-switcher').textContent()) ?? '').trim();
  return name.includes('Ромашка') ? ORG_1.inn : ORG_2.inn;
}
