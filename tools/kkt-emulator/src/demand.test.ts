import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATALOGUES, type DemandPattern } from './catalogue.js';
import { planDay } from './demand.js';
import { Rng } from './random.js';

function coefficientOfVariation(values: number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}

test('demand patterns differ: CV of daily sales steady < seasonal < erratic, in every shop kind', () => {
  const firstDay = Math.floor(Date.UTC(2025, 0, 1) / 86_400_000);
  for (const [kind, catalogue] of Object.entries(CATALOGUES)) {
    const rng = new Rng(`demand/${kind}`);
    const daily = catalogue.map(() => [] as number[]);
    for (let d = 0; d < 365; d++) {
      planDay(catalogue, firstDay + d, rng, 4).forEach((q, i) => {
        daily[i]!.push(q);
      });
    }
    const byPattern = new Map<DemandPattern, number[]>();
    catalogue.forEach((item, i) => {
      const list = byPattern.get(item.pattern) ?? [];
      list.push(coefficientOfVariation(daily[i]!));
      byPattern.set(item.pattern, list);
    });
    const mean = (p: DemandPattern) => {
      const l = byPattern.get(p)!;
      return l.reduce((s, v) => s + v, 0) / l.length;
    };
    const [steady, seasonal, erratic] = [mean('steady'), mean('seasonal'), mean('erratic')];
    assert.ok(steady < 0.25, `${kind} steady CV ${steady}`);
    assert.ok(seasonal > steady && seasonal < erratic, `${kind}: ${steady} < ${seasonal} < ${erratic}`);
    assert.ok(erratic > 1, `${kind} erratic CV ${erratic}`);
  }
});

test('a seasonal item sells most around its peak day', () => {
  const catalogue = CATALOGUES.grocery;
  const ice = catalogue.findIndex((i) => i.name.startsWith('Мороженое'));
  const rng = new Rng('season');
  const sum = (start: number) => {
    let s = 0;
    for (let d = 0; d < 30; d++) s += planDay(catalogue, start + d, rng)[ice]!;
    return s;
  };
  const july = sum(Math.floor(Date.UTC(2025, 6, 1) / 86_400_000));
  const january = sum(Math.floor(Date.UTC(2025, 0, 1) / 86_400_000));
  assert.ok(july > 4 * january, `July ${july}, January ${january}`);
});
