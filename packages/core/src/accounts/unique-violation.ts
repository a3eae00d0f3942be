/** PostgreSQL unique_violation (23505) from either driver, with its constraint name. */
export function uniqueViolation(err: unknown): string | null {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const { code, constraint } = e as { code?: string; constraint?: string };
    if (code === '23505') return constraint ?? '';
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}
