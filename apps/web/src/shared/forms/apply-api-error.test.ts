import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../api/api-error';
import { applyApiError } from './apply-api-error';

function fakeForm(values: object) {
  const state = { errors: {} as Record<string, string> };
  return {
    state,
    getValues: () => values,
    setErrors: (e: Record<string, string>) => {
      state.errors = e;
    },
  };
}

describe('applyApiError', () => {
  it('puts field messages next to the matching inputs and returns nothing for the alert', () => {
    (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame = () => 0;
    const form = fakeForm({ inn: '', kpp: '' });
    const err = new ApiError(400, 'validation', 'Проверьте поля', { fields: { inn: 'Неверный ИНН' } });
    assert.equal(applyApiError(form, err), undefined);
    assert.deepEqual(form.state.errors, { inn: 'Неверный ИНН' });
  });

  it('returns messages for fields the form does not have, and maps aliases', () => {
    const form = fakeForm({ currentPassword: '' });
    const err = new ApiError(400, 'validation', 'Проверьте поля', {
      fields: { password: 'Неверный пароль', other: 'Что-то ещё' },
    });
    assert.equal(applyApiError(form, err, { password: 'currentPassword' }), 'Что-то ещё');
    assert.deepEqual(form.state.errors, { currentPassword: 'Неверный пароль' });
  });

  it('returns the error message when there are no fields', () => {
    const form = fakeForm({ login: '' });
    assert.equal(
      applyApiError(form, new ApiError(401, 'invalid_credentials', 'Неверный логин')),
      'Неверный логин',
    );
    assert.match(applyApiError(form, new Error('x')) ?? '', /Что-то пошло не так/);
  });
});
