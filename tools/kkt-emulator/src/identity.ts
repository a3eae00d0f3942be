// Check digits of INNs (protocol.md §3.2), for the demo organizations and cashiers.

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12A = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12B = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: string, weights: readonly number[]): string {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * weights[i]!;
  return String((sum % 11) % 10);
}

/** A 10-digit organization INN from its first 9 digits. */
export function organizationInn(first9: string): string {
  if (!/^\d{9}$/.test(first9)) throw new Error(`INN body must be 9 digits: ${first9}`);
  return first9 + checkDigit(first9, W10);
}

/** A 12-digit personal INN from its first 10 digits. */
export function personalInn(first10: string): string {
  if (!/^\d{10}$/.test(first10)) throw new Error(`INN body must be 10 digits: ${first10}`);
  const eleven = first10 + checkDigit(first10, W12A);
  return eleven + checkDigit(eleven, W12B);
}
