import type { Letter } from '../mail/mailer.js';

// Russian letters with the action link. Plain text plus a minimal HTML part.

function link(publicUrl: string, path: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}?token=${encodeURIComponent(token)}`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function letter(to: string, subject: string, lines: string[], url: string, button: string): Letter {
  const text = [
    ...lines,
    '',
    url,
    '',
    'Если вы не запрашивали это письмо, просто удалите его.',
    '— OpenOFD',
  ].join('\n');
  const html = `<p>${lines.map(escapeHtml).join('</p><p>')}</p><p><a href="${escapeHtml(url)}">${escapeHtml(button)}</a></p><p>Если вы не запрашивали это письмо, просто удалите его.</p><p>— OpenOFD</p>`;
  return { to, subject, text, html };
}

export function confirmEmailLetter(publicUrl: string, to: string, token: string, hours: number): Letter {
  return letter(
    to,
    'Подтвердите адрес электронной почты — OpenOFD',
    [
      'Здравствуйте!',
      'Вы зарегистрировались в личном кабинете OpenOFD. Чтобы активировать учётную запись, откройте ссылку:',
      `Ссылка действует ${hours} ч и срабатывает один раз.`,
    ],
    link(publicUrl, '/confirm-email', token),
    'Подтвердить адрес',
  );
}

export function resetPasswordLetter(publicUrl: string, to: string, token: string, minutes: number): Letter {
  return letter(
    to,
    'Восстановление пароля — OpenOFD',
    [
      'Здравствуйте!',
      'Чтобы задать новый пароль для входа в OpenOFD, откройте ссылку:',
      `Ссылка действует ${minutes} мин и срабатывает один раз. После смены пароля все сеансы завершатся.`,
    ],
    link(publicUrl, '/reset-password', token),
    'Задать новый пароль',
  );
}

export function changeEmailLetter(publicUrl: string, to: string, token: string, hours: number): Letter {
  return letter(
    to,
    'Подтвердите новый адрес электронной почты — OpenOFD',
    [
      'Здравствуйте!',
      'В профиле OpenOFD указан этот адрес как новый. Чтобы подтвердить смену адреса, откройте ссылку:',
      `Ссылка действует ${hours} ч и срабатывает один раз.`,
    ],
    link(publicUrl, '/confirm-email-change', token),
    'Подтвердить новый адрес',
  );
}

export function invitationLetter(
  publicUrl: string,
  to: string,
  token: string,
  organizationName: string,
  roleLabel: string,
  days: number,
): Letter {
  return letter(
    to,
    `Приглашение в «${organizationName}» — OpenOFD`,
    [
      'Здравствуйте!',
      `Вас приглашают в организацию «${organizationName}» в личном кабинете OpenOFD с ролью «${roleLabel}». Чтобы принять приглашение, откройте ссылку:`,
      `Ссылка действует ${days} дн.`,
    ],
    link(publicUrl, '/invitation', token),
    'Принять приглашение',
  );
}

export function recoveryCodeSms(code: string, minutes: number): string {
  return `OpenOFD: код для восстановления пароля ${code}. Действует ${minutes} мин. Никому не сообщайте его.`;
}

export const roleLabelsRu: Record<string, string> = {
  owner: 'Владелец',
  administrator: 'Администратор',
  accountant: 'Бухгалтер',
  cashier_viewer: 'Кассир (просмотр)',
};
