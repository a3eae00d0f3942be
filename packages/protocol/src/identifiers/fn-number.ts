// FN number (tag 1041): exactly 16 digits (protocol.md §3.4).

export function isValidFnNumber(fn: string): boolean {
  return /^\d{16}$/.test(fn);
}

/** Test or development drives begin with 9999 (fixtures 9999078900005488 …); not production. */
export function isTestFn(fn: string): boolean {
  return isValidFnNumber(fn) && fn.startsWith('9999');
}
