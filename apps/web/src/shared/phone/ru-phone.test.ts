import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizePhone } from '@openofd/contract';
import { formatRuPhone, looksLikePhone } from './ru-phone';

describe('Russian phone mask', () => {
  it('masks every common way of typing the number into a form the contract accepts', () => {
    for (const input of [
      '+7 (916) 123-45-67',
      '89161234567',
      '8 916 123 45 67',
      '79161234567',
      '9161234567',
    ]) {
      assert.equal(formatRuPhone(input), '+7 (916) 123-45-67', input);
      assert.equal(normalizePhone(formatRuPhone(input)), '+79161234567', input);
    }
  });

  it('formats while typing, digit by digit', () => {
    assert.equal(formatRuPhone('9'), '+7 (9');
    assert.equal(formatRuPhone('8'), '+7 ');
    assert.equal(formatRuPhone('+7 9'), '+7 (9');
    assert.equal(formatRuPhone('916'), '+7 (916');
    assert.equal(formatRuPhone('9161'), '+7 (916) 1');
    assert.equal(formatRuPhone('9161234'), '+7 (916) 123-4');
    assert.equal(formatRuPhone('+7 (916) 123-45-6'), '+7 (916) 123-45-6');
    assert.equal(formatRuPhone('89161234567'), '+7 (916) 123-45-67');
    // Re-formatting the formatted value is stable, extra digits are dropped.
    assert.equal(formatRuPhone('+7 (916) 123-45-678'), '+7 (916) 123-45-67');
    assert.equal(formatRuPhone(''), '');
    // Backspace over the prefix empties the field instead of re-adding it.
    assert.equal(formatRuPhone('+7'), '');
  });

  it('rejects incomplete numbers and tells e-mail from phone', () => {
    assert.equal(normalizePhone(formatRuPhone('+7 (916) 123-45')), null);
    assert.equal(formatRuPhone('abc'), '');
    assert.ok(looksLikePhone('+7 916 123-45-67'));
    assert.ok(!looksLikePhone('user@example.ru'));
  });
});
