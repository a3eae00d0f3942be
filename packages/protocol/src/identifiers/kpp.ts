// KPP (КПП): 4-digit tax office + 2 reason characters (digits, or A–Z since 2013)
// + 3-digit sequence; no checksum (protocol.md §3.3, general knowledge).
const KPP = /^\d{4}[\dA-Z]{2}\d{3}$/;

export function isValidKpp(kpp: string): boolean {
  return KPP.test(kpp);
}
