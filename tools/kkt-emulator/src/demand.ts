// Daily demand per item (see catalogue.ts for the three patterns). A register
// plans each simulated day's sales up front; receipts then consume the plan.
import type { CatalogueItem } from './catalogue.js';
import type { Rng } from './random.js';

const DAY = 86_400;

/** Day of the year (0..365) and weekday (0 = Monday) of a day index (days since 1970-01-01). */
function calendar(day: number): { dayOfYear: number; weekday: number } {
  const date = new Date(day * DAY * 1000);
  const start = Date.UTC(date.getUTCFullYear(), 0, 1);
  return {
    dayOfYear: Math.floor((date.getTime() - start) / (DAY * 1000)),
    weekday: (date.getUTCDay() + 6) % 7,
  };
}

/** Units of `item` a register sells on `day`, before rounding; `scale` multiplies the catalogue means. */
export function dailyDemand(item: CatalogueItem, day: number, rng: Rng, scale = 1): number {
  const { dayOfYear, weekday } = calendar(day);
  const base = item.daily * scale;
  switch (item.pattern) {
    case 'steady':
      return Math.max(0, base * (1 + 0.06 * rng.normal()));
    case 'seasonal': {
      // Peak 1.8× the mean at peakDay, trough 0.2× half a year away; weekends busier.
      const season = 1 + 0.8 * Math.cos((2 * Math.PI * (dayOfYear - (item.peakDay ?? 180))) / 365);
      const week = weekday >= 5 ? 1.3 : 0.88;
      return Math.max(0, base * season * week * (1 + 0.08 * rng.normal()));
    }
    case 'erratic':
      // One day in six carries almost all the sales, and bursts vary widely.
      return rng.chance(1 / 6) ? base * 6 * (0.2 + 1.6 * rng.next()) : base * 0.05 * rng.next();
  }
}

/** Rounds a planned quantity: whole units for pieces (randomised remainder), grams for kilograms and litres. */
export function plannedQuantity(item: CatalogueItem, demand: number, rng: Rng): number {
  if (item.measure === 0) return Math.floor(demand) + (rng.chance(demand - Math.floor(demand)) ? 1 : 0);
  return Math.round(demand * 1000) / 1000;
}

/** The day's plan: catalogue index → quantity still to sell. */
export function planDay(catalogue: readonly CatalogueItem[], day: number, rng: Rng, scale = 1): number[] {
  return catalogue.map((item) => plannedQuantity(item, dailyDemand(item, day, rng, scale), rng));
}
