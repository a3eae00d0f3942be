// Russian mobile numbers: whatever the user types (8 916…, +7 (916)…, 916…)
// is shown as +7 (916) 123-45-67; the contract's normalizePhone makes it +79161234567.

/** The ten national digits typed so far (after the country code), at most 10. */
export function nationalDigits(input: string): string {
  // Mobile codes start with 9, so a leading 7/8 (or "+7") is the country prefix.
  let d = input.replace(/\D/g, '');
  if (input.trim().startsWith('+') || d.startsWith('7') || d.startsWith('8')) d = d.slice(1);
  return d.slice(0, 10);
}

/** Display form while typing: "+7 (916) 123-45-67", partial as the digits come. */
export function formatRuPhone(input: string): string {
  const d = nationalDigits(input);
  // Only a freshly typed prefix shows "+7 "; an emptied field stays empty so backspace works.
  if (d.length === 0) return ['7', '8', '+'].includes(input.trim()) ? '+7 ' : '';
  let out = `+7 (${d.slice(0, 3)}`;
  if (d.length > 3) out += `) ${d.slice(3, 6)}`;
  if (d.length > 6) out += `-${d.slice(6, 8)}`;
  if (d.length > 8) out += `-${d.slice(8, 10)}`;
  return out;
}

/** Sign-in accepts e-mail or phone: true if the login looks like a phone number. */
export function looksLikePhone(login: string): boolean {
  return !login.includes('@') && /^[\d\s()+-]{6,}$/.test(login.trim());
}
