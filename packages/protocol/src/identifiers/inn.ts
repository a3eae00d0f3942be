// INN (ИНН) checksums, standard weights (protocol.md §3.2; not [K]'s variant,
// which drops the final mod 10 for 10-digit numbers).

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12A = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12B = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** Why an INN is not valid: `format` (not 10 or 12 digits) or `checksum`; null when valid. */
export type InnProblem = 'format' | 'checksum';

export function innProblem(inn: string): InnProblem | null {
  if (!/^(\d{10}|\d{12})$/.test(inn)) return 'format';
  const d = Array.from(inn, Number);
  if (d.length === 10) return check(d, W10) === d[9] ? null : 'checksum';
  return check(d, W12A) === d[10] && check(d, W12B) === d[11] ? null : 'checksum';
}

/** True for a 10-digit (organisation) or 12-digit (individual) INN with correct check digits. */
export function isValidInn(inn: string): boolean {
  return innProblem(inn) === null;
}

function check(digits: number[], weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digits[i]! * weights[i]!;
  return (sum % 11) % 10;
}
