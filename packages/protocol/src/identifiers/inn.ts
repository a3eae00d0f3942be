// INN (ИНН) checksums, standard weights (protocol.md §3.2; not [K]'s variant,
// which drops the final mod 10 for 10-digit numbers).

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12A = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12B = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** Why an INN is not valid: `format` (not 10 or 12 digits) or `checksum`; null when valid. */
export type InnProblem = 'format' | 'checksum';

export function innProblem(inn: string): InnProblem | null {
  // Digits read by char code, no regex or array (ФЛК checks every INN of every document).
  const n = inn.length;
  if (n !== 10 && n !== 12) return 'format';
  for (let i = 0; i < n; i++) {
    const c = inn.charCodeAt(i);
    if (c < 48 || c > 57) return 'format';
  }
  if (n === 10) return check(inn, W10) === digit(inn, 9) ? null : 'checksum';
  return check(inn, W12A) === digit(inn, 10) && check(inn, W12B) === digit(inn, 11) ? null : 'checksum';
}

/** True for a 10-digit (organisation) or 12-digit (individual) INN with correct check digits. */
export function isValidInn(inn: string): boolean {
  return innProblem(inn) === null;
}

function digit(inn: string, i: number): number {
  return inn.charCodeAt(i) - 48;
}

function check(inn: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digit(inn, i) * weights[i]!;
  return (sum % 11) % 10;
}
