import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Browser, launchBrowser } from './support/browser.js';
import { type Stack, startStack } from './support/stack.js';
import { describedText, readDevMessage, signIn, signOut } from './support/steps.js';

// A person's account from sign-up to a locked and recovered password, in order
// (each step builds on the last), in Chromium against the real stack.
const EMAIL = 'ivanova@example.ru';
const PHONE_TYPED = '89161234567';
const PHONE = '+79161234567';
const PASSWORD = 'Kassa2024pass';
const NEW_EMAIL = 'maria@example.ru';
const NEW_PASSWORD = 'Novyi2025Parol';
const THIRD_PASSWORD = 'Tretii2026Parol';

let stack: Stack;
let browser: Browser;
let page: Page;

describe('account in Chromium: sign-up, sign-in, recovery, e-mail change, lockout', {
  concurrency: false,
}, () => {
  before(async () => {
    stack = await startStack();
    browser = await launchBrowser(stack.url, 'account');
    page = browser.page;
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('signs up: phone mask, password rules while typing, then «Проверьте почту»', async () => {
    await page.goto('/sign-up');
    await page.getByRole('heading', { name: 'Регистрация' }).waitFor();
    // Submitting empty shows errors next to the fields, without a request.
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await page.getByText('Укажите адрес электронной почты').first().waitFor();
    // Each message is tied to its field, so assistive technology reads it with the field.
    assert.match(
      await describedText(page.getByLabel('Электронная почта')),
      /Укажите адрес электронной почты/,
    );
    assert.match(await describedText(page.getByLabel('Пароль').first()), /Пароль слишком простой/);
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
    await signIn(page, EMAIL, PASSWORD);
    await page.getByTestId('form-error').waitFor();
    assert.match((await page.getByTestId('form-error').textContent()) ?? '', /не подтвержд/);
    await page.getByRole('button', { name: /Отправить письмо для подтверждения/ }).waitFor();
    await browser.shot('04-sign-in-unconfirmed');
  });

  it('reads the letter in the dev mailbox and confirms by its link', async () => {
    const { links, tab } = await readDevMessage(browser, EMAIL, /confirm-email/);
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
    await signIn(page, '8 (916) 123-45-67', PASSWORD);
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

  it('shows the security log', async () => {
    await page.goto('/security');
    await page.getByRole('heading', { name: 'Журнал безопасности' }).waitFor();
    await page.getByRole('table').getByText('Регистрация').first().waitFor();
    await browser.shot('08-security-log');
  });

  it('fits a phone screen: navigation behind the burger', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/organizations');
    await page.getByRole('heading', { name: 'Организации' }).waitFor();
    await browser.shot('09-mobile-organizations');
    await page.getByRole('button', { name: 'Меню разделов' }).click();
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByText('Профиль').click();
    await page.getByRole('heading', { name: 'Профиль' }).waitFor();
    await browser.shot('10-mobile-profile');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('changes the e-mail only after the letter to the new address is opened', async () => {
    await page.goto('/profile');
    const form = page.getByRole('form', { name: 'Смена e-mail' });
    await form.getByLabel('Новый адрес').fill(NEW_EMAIL);
    await form.getByLabel('Текущий пароль').fill(PASSWORD);
    await form.getByRole('button', { name: 'Сменить адрес' }).click();
    await form.getByText(`Ждёт подтверждения: ${NEW_EMAIL}`).waitFor();
    const letter = await readDevMessage(browser, NEW_EMAIL, /confirm-email-change/);
    await letter.tab.getByRole('link', { name: /confirm-email-change\?token=/ }).click();
    await letter.tab.getByText('Адрес изменён').waitFor();
    await browser.shot('11-email-changed', letter.tab);
    await letter.tab.close();
    await page.reload();
    await page.getByRole('form', { name: 'Смена e-mail' }).getByText(NEW_EMAIL).waitFor();
  });

  it('recovers the password by an SMS code', async () => {
    await signOut(page);
    await page.goto('/forgot-password');
    await page.getByRole('tab', { name: 'По телефону' }).click();
    await page.getByLabel('Мобильный телефон').pressSequentially(PHONE_TYPED);
    await page.getByRole('button', { name: 'Получить код по SMS' }).click();
    await page.getByLabel('Код из SMS').waitFor();
    const sms = await readDevMessage(browser, PHONE, /\d{6}/);
    await sms.tab.close();
    const code = /\b(\d{6})\b/.exec(sms.text)?.[1];
    assert.ok(code, sms.text);
    // A wrong code first: the error comes back and the form stays.
    await page.getByLabel('Код из SMS').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Подтвердить код' }).click();
    await page.getByLabel('Код из SMS').and(page.locator('[aria-invalid="true"]')).waitFor();
    await browser.shot('12-recovery-wrong-code');
    await page.getByLabel('Код из SMS').fill(code);
    await page.getByRole('button', { name: 'Подтвердить код' }).click();
    await page.getByLabel('Новый пароль').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await page.getByText('Пароль изменён').waitFor();
    await browser.shot('13-recovery-done');
    // The changed address is now the login.
    await signIn(page, NEW_EMAIL, NEW_PASSWORD);
    await page.waitForURL('**/profile');
  });

  it('locks sign-in after repeated wrong passwords and says until when', async () => {
    await signOut(page);
    for (let attempt = 1; attempt <= 8; attempt++) {
      await signIn(page, NEW_EMAIL, `Wrong${attempt}Password`);
      await page.getByTestId('form-error').waitFor();
      if ((await page.getByTestId('locked-until').count()) > 0) break;
    }
    await page.getByTestId('locked-until').waitFor();
    assert.match((await page.getByTestId('form-error').textContent()) ?? '', /заблокирован/);
    // Even the right password is refused while locked.
    await signIn(page, NEW_EMAIL, NEW_PASSWORD);
    await page.getByTestId('locked-until').waitFor();
    await browser.shot('14-sign-in-locked');
  });

  it('recovers by the e-mail link, which also lifts the lock', async () => {
    await page.goto('/forgot-password');
    await page.getByLabel('Электронная почта').fill(NEW_EMAIL);
    await page.getByRole('button', { name: 'Отправить ссылку' }).click();
    await page.getByText('Письмо отправлено').waitFor();
    const letter = await readDevMessage(browser, NEW_EMAIL, /reset-password/);
    await letter.tab.getByRole('link', { name: /reset-password\?token=/ }).click();
    await letter.tab.getByRole('heading', { name: 'Новый пароль' }).waitFor();
    await letter.tab.getByLabel('Новый пароль').fill(THIRD_PASSWORD);
    await letter.tab.getByRole('button', { name: 'Сохранить пароль' }).click();
    await letter.tab.getByText('Пароль изменён').waitFor();
    await browser.shot('15-reset-by-email', letter.tab);
    await letter.tab.close();
    await signIn(page, NEW_EMAIL, THIRD_PASSWORD);
    await page.waitForURL('**/profile');
  });

  it('goes back to sign-in when the session ends, and returns after signing in', async () => {
    // As if the session expired or was ended by a password reset elsewhere.
    await browser.context.clearCookies();
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByText('Журнал безопасности').click();
    await page.waitForURL('**/sign-in');
    await page.getByLabel('E-mail или телефон').fill(NEW_EMAIL);
    await page.getByLabel('Пароль').first().fill(THIRD_PASSWORD);
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await page.waitForURL('**/security');
    await page.getByRole('heading', { name: 'Журнал безопасности' }).waitFor();
  });
});
