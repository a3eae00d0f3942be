import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { issueTestCertificate, writeCertificateFiles } from '@openofd/core';
import type { Page, Request } from 'playwright-core';
import { createConfirmedAccount } from './support/accounts.js';
import { type Browser, launchBrowser } from './support/browser.js';
import { type Stack, startStack } from './support/stack.js';
import { describedText, readDevMessage, signIn, signOut, switchOrganization } from './support/steps.js';
import { repoRoot } from './support/web-dist.js';

// An owner's organizations: details with per-field errors, switching,
// certificate sign-in and invitations, in order, in Chromium against the real stack.
const EMAIL = 'ivanova@example.ru';
const PASSWORD = 'Kassa2024pass';
const COLLEAGUE = 'buh@example.ru';
const COLLEAGUE_PASSWORD = 'Buhgalter2024';
const P12_FIXTURE = join(repoRoot, 'apps/web/src/features/certificate-sign-in/crypto/fixtures/ec.p12');
const ORG_1 = { name: 'ООО «Ромашка»', inn: '7707083893', kpp: '773601001' };
const ORG_2: { name: string; inn: string; kpp?: string } = { name: 'ООО «Василёк»', inn: '7736207543' };

let stack: Stack;
let browser: Browser;
let page: Page;
const tmp = mkdtempSync(join(tmpdir(), 'openofd-e2e-'));

describe('organizations in Chromium: details, switching, certificate sign-in, invitations', {
  concurrency: false,
}, () => {
  before(async () => {
    stack = await startStack();
    await createConfirmedAccount(stack.url, {
      email: EMAIL,
      phone: '+79161234567',
      password: PASSWORD,
      fullName: 'Иванова Мария Петровна',
    });
    browser = await launchBrowser(stack.url, 'organizations');
    page = browser.page;
    await signIn(page, EMAIL, PASSWORD);
    await page.waitForURL('**/profile');
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
    rmSync(tmp, { recursive: true, force: true });
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
        await browser.shot('01-organization-bad-inn');
        await dialog.getByLabel('ИНН').fill(org.inn);
        await dialog.getByRole('button', { name: 'Добавить' }).click();
      }
      await dialog.waitFor({ state: 'detached' });
    }
    await assertRows(2);
    await browser.shot('02-organizations');
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
    // As on a 720 px screen from the top of the page: the click scrolls the
    // button into view, which leaves the INN field under the fixed header.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.evaluate('window.scrollTo(0, 0)'); // a string: this package has no DOM types
    await details.getByRole('button', { name: 'Сохранить реквизиты' }).click();
    // INN checksum: the server's message, beside the INN field, focused.
    await details.getByLabel('ИНН').and(page.locator('[aria-invalid="true"]')).waitFor();
    assert.match(await describedText(details.getByLabel('ИНН')), /ИНН/);
    // Focus moves to the field the server rejected (on the next animation
    // frame after the error renders, so wait for it; a timeout fails the test).
    const innField = await details.getByLabel('ИНН').elementHandle();
    await page.waitForFunction((el) => el !== null && el === el.ownerDocument.activeElement, innField, {
      timeout: 5000,
    });
    // Scrolled into view below the fixed 60 px header, not under it.
    const innBox = await innField?.boundingBox();
    assert.ok(innBox && innBox.y >= 60, `the focused INN field is at y = ${innBox?.y}, under the header`);
    await page.setViewportSize({ width: 1280, height: 860 });
    await browser.shot('03-profile-bad-inn');
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
    await browser.shot('04-profile-saved');
  });

  it('switches the organization from the top bar', async () => {
    const switcher = page.getByTestId('organization-switcher');
    const before = ((await switcher.textContent()) ?? '').trim();
    await switcher.click();
    const other = before.includes('Ромашка') ? ORG_2.name : ORG_1.name;
    await page.getByRole('menuitem', { name: new RegExp(other.replace(/[«»]/g, '.')) }).click();
    await switcher.getByText(other).waitFor();
    await page.getByRole('heading', { name: `Реквизиты организации «${other}»` }).waitFor();
    await browser.shot('05-organization-switched');
  });

  it('opens a PKCS#12 file in the browser; a wrong password or an untrusted certificate is explained', async () => {
    // Leave the cabinet on the other organization: certificate sign-in must come back to the certificate's.
    await switchOrganization(page, /Василёк/);
    await page.getByTestId('organization-switcher').getByText(ORG_2.name).waitFor();
    await signOut(page);
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
    await browser.shot('06-certificate-untrusted');
  });

  it('signs in by certificate from PEM files: the key is opened and used in the browser', async () => {
    const issued = await issueTestCertificate(stack.ca, { inn: ORG_1.inn, name: 'ООО Ромашка' });
    const files = await writeCertificateFiles(join(tmp, 'romashka'), issued, 'Пароль-p12');
    await page.goto('/sign-in/certificate');
    await page.getByText('PEM-файлы').click();
    await page.locator('input[type="file"]').nth(0).setInputFiles(files.certificate);
    await page.locator('input[type="file"]').nth(1).setInputFiles(files.privateKey);
    await browser.shot('07-certificate-chosen');
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
    await browser.shot('08-certificate-signed-in');

    // The same certificate as the .p12 that `openofd ca issue` writes.
    await signOut(page);
    await page.goto('/sign-in/certificate');
    await page.locator('input[type="file"]').setInputFiles(files.pkcs12);
    await page.getByLabel('Пароль к файлу').fill('Пароль-p12');
    await page.getByRole('button', { name: 'Подписать и войти' }).click();
    await page.waitForURL('**/profile');
  });

  it('invites a colleague, who joins by the letter', async () => {
    await page.goto('/organizations');
    const invite = page.getByRole('form', { name: 'Пригласить пользователя' });
    await invite.getByLabel('Пригласить по e-mail').fill(COLLEAGUE);
    await invite.getByRole('button', { name: 'Пригласить' }).click();
    await invite.getByText(`Приглашение отправлено на ${COLLEAGUE}`).waitFor();
    await page.getByRole('table', { name: 'Пользователи организации' }).getByText(COLLEAGUE).waitFor();
    await signOut(page);
    const letter = await readDevMessage(browser, COLLEAGUE, /invitation/);
    const tab = letter.tab;
    await tab.getByRole('link', { name: /invitation\?token=/ }).click();
    await tab.getByRole('heading', { name: 'Приглашение в организацию' }).waitFor();
    await tab.getByLabel('Мобильный телефон').pressSequentially('9031234567');
    await tab.getByLabel('Пароль').first().fill(COLLEAGUE_PASSWORD);
    await browser.shot('09-invitation', tab);
    await tab.getByRole('button', { name: 'Создать аккаунт и принять' }).click();
    await tab.waitForURL('**/organizations');
    const row = tab.getByTestId('organization-row');
    await row.first().waitFor();
    assert.equal(await row.count(), 1);
    assert.match((await row.textContent()) ?? '', /Бухгалтер/);
    await browser.shot('10-invitation-accepted', tab);
    await tab.getByTestId('user-menu').click();
    await tab.getByRole('menuitem', { name: 'Выход' }).click();
    await tab.waitForURL('**/sign-in');
    await tab.close();
  });

  it('invites an existing user, who signs in from the letter and accepts', async () => {
    await signIn(page, EMAIL, PASSWORD);
    await page.waitForURL('**/profile');
    await switchOrganization(page, /Василёк/);
    await page.goto('/organizations');
    await page.getByRole('heading', { name: 'Пользователи «ООО «Василёк»»' }).waitFor();
    const invite = page.getByRole('form', { name: 'Пригласить пользователя' });
    await invite.getByLabel('Пригласить по e-mail').fill(COLLEAGUE);
    await invite.getByLabel('Роль').click();
    await page.getByRole('option', { name: 'Кассир (просмотр)' }).click();
    await invite.getByRole('button', { name: 'Пригласить' }).click();
    await invite.getByText(`Приглашение отправлено на ${COLLEAGUE}`).waitFor();
    // The browser remembers «Ромашка» (where the colleague already works); accepting must switch to «Василёк».
    await switchOrganization(page, /Ромашка/);
    await signOut(page);
    const letter = await readDevMessage(browser, COLLEAGUE, /Василёк/);
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
    await browser.shot('11-invitation-existing-accepted', tab);
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
