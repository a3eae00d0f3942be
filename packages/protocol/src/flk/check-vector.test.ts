import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generateFlkEnums } from '../../scripts/generate-flk-enums.js';
import { fromHex, readSharedJson } from '../../test/shared-data.js';
import { decodeDocument } from '../documents/decode.js';
import type { FnsFields } from '../documents/types.js';
import { decodeMessage } from '../frame/message.js';
import { checkDocument } from './check-document.js';

const vector = readSharedJson<{ hex: string }>('vectors/full_message_reregistration_report.json');

function reRegistration(): { fiscalReportCorrection: FnsFields } {
  const doc = decodeDocument(decodeMessage(fromHex(vector.hex)).body);
  return doc as { fiscalReportCorrection: FnsFields };
}

test('the real re-registration report (doc 11, ФФД 1.05) only warns about the cashier INN', () => {
  const v = checkDocument(reRegistration(), { now: Date.UTC(2026, 0, 1) });
  assert.deepEqual(
    v.map(({ tag, rule, severity, pointer }) => ({ tag, rule, severity, pointer })),
    [{ tag: 1203, rule: 'inn', severity: 'warning', pointer: 'fiscalReportCorrection.operatorInn' }],
  );
  assert.equal(
    v[0]?.message,
    'ИНН 771234567890 в реквизите «ИНН кассира» (тег 1203) не проходит проверку контрольных цифр',
  );
});

test('registration reports: the RNM must match INN and KKT serial; bit-mask tax regimes', () => {
  const doc = reRegistration();
  doc.fiscalReportCorrection.kktNumber = '000000000003';
  doc.fiscalReportCorrection.taxationType = 6 | 128;
  delete doc.fiscalReportCorrection.correctionReasonCode;
  const v = checkDocument(doc, { now: Date.UTC(2026, 0, 1) });
  assert.deepEqual(
    v.map((x) => `${x.rule}:${x.tag}:${x.severity}`),
    ['required:1101:error', 'inn:1203:warning', 'enum:1062:error', 'rnm-check:1037:error'],
  );
  assert.match(
    v.at(-1)!.message,
    /не соответствует ИНН пользователя 7702203276 и заводскому номеру ККТ 000000000003/,
  );
});

test('a ФФД 1.1 re-registration needs 1205 instead of 1101', () => {
  const doc = reRegistration();
  doc.fiscalReportCorrection.fiscalDocumentFormatVer = 3;
  const v = checkDocument(doc, { now: Date.UTC(2026, 0, 1) });
  assert.deepEqual(
    v.map((x) => `${x.rule}:${x.tag}`),
    ['required:1205', 'inn:1203'],
  );
});

test('enums.generated.ts is in sync with shared/data/ffd-tags.json', () => {
  const source = readSharedJson<{ tags: { tag: number }[] }>('data/ffd-tags.json');
  const committed = readFileSync(new URL('./enums.generated.ts', import.meta.url), 'utf8');
  assert.equal(committed, generateFlkEnums(source));
});
