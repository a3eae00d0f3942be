import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeWords, parseMail } from './mime.js';

test('RFC 2047 encoded words (B and Q) decode to UTF-8', () => {
  assert.equal(decodeWords('=?UTF-8?B?0J/RgNC40LLQtdGC?='), 'Привет');
  assert.equal(decodeWords('=?UTF-8?Q?=D0=9F=D1=80=D0=B8?= =?UTF-8?Q?=D0=B2=D0=B5=D1=82_!?='), 'Привет !');
  assert.equal(decodeWords('plain'), 'plain');
});

test('multipart/alternative with base64 and quoted-printable parts', () => {
  const raw = [
    'To: "Иван" <ivan@example.ru>, other@example.ru',
    'Subject: =?UTF-8?B?0KLQtdGB0YI=?=',
    'Content-Type: multipart/alternative;',
    ' boundary="--b1"',
    '',
    '----b1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('Ссылка: http://x/confirm?token=abc\n').toString('base64'),
    '----b1',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    '<p>=D0=A2=D0=B5=D1=81=D1=82</p>=',
    '',
    '----b1--',
    '',
  ].join('\r\n');
  const mail = parseMail(raw);
  assert.deepEqual(mail.to, ['ivan@example.ru', 'other@example.ru']);
  assert.equal(mail.subject, 'Тест');
  assert.equal(mail.text, 'Ссылка: http://x/confirm?token=abc');
  assert.equal(mail.html, '<p>Тест</p>');
});

test('a single-part plain letter', () => {
  const mail = parseMail('Subject: Hi\nContent-Type: text/plain\n\nHello\nworld\n');
  assert.equal(mail.subject, 'Hi');
  assert.equal(mail.text, 'Hello\nworld');
  assert.equal(mail.html, null);
});
