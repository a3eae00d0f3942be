// Emulated fiscal-drive keys (ARCHITECTURE.md "Fiscal crypto"). A real ФН
// holds keys only a certified crypto box at the operator can use; the
// emulation derives one key per drive from the operator's master key:
//   K_drive = HMAC-Streebog-256(masterKey, "OpenOFD emulated fiscal drive v1" ‖ 0x00 ‖ FN digits)
// and one subkey per sign, so a value of one kind never verifies as another:
//   K_ФПД = HMAC(K_drive, "ФПД"), K_ФПС = HMAC(K_drive, "ФПС"), K_ФПО = HMAC(K_drive, "ФПО")  (UTF-8 labels).
import { ProtocolError } from '../errors.js';
import { HmacStreebog256 } from './hmac.js';

const DRIVE_LABEL = 'OpenOFD emulated fiscal drive v1';

/** UTF-8 bytes of a string (the package has no TextEncoder: `"types": []`). */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** A drive's key with the HMAC states of its three subkeys precomputed. */
export class FiscalDriveKey {
  /** @internal */ readonly fpd: HmacStreebog256;
  /** @internal */ readonly fps: HmacStreebog256;
  /** @internal */ readonly fpo: HmacStreebog256;
  /** @internal FiscalKeyring's use counter when this key last moved to the young end of its order. */
  stamp = 0;

  constructor(
    readonly fnNumber: string,
    /** K_drive, 32 bytes. */
    readonly key: Uint8Array,
  ) {
    const drive = new HmacStreebog256(key);
    this.fpd = new HmacStreebog256(drive.mac(utf8('ФПД')));
    this.fps = new HmacStreebog256(drive.mac(utf8('ФПС')));
    this.fpo = new HmacStreebog256(drive.mac(utf8('ФПО')));
  }
}

function masterBytes(masterKey: Uint8Array | string): Uint8Array {
  const bytes = typeof masterKey === 'string' ? utf8(masterKey) : masterKey;
  if (bytes.length === 0) throw new ProtocolError('BAD_FIELD', 'the master key is empty');
  return bytes;
}

/**
 * K_drive for one fiscal drive. `masterKey` is `OFD_MASTER_KEY` (a string is
 * taken as its UTF-8 bytes); `fnNumber` is the FN number, digits only,
 * surrounding spaces ignored (session headers pad short numbers, §1.2).
 */
export function deriveDriveKey(masterKey: Uint8Array | string, fnNumber: string): FiscalDriveKey {
  const fn = fnNumber.trim();
  if (!/^\d{1,16}$/.test(fn)) {
    throw new ProtocolError('BAD_FIELD', `FN number must be 1 to 16 digits, got "${fnNumber}"`);
  }
  const label = utf8(`${DRIVE_LABEL}\u0000${fn}`);
  return new FiscalDriveKey(fn, new HmacStreebog256(masterBytes(masterKey)).mac(label));
}

/**
 * Derived keys by FN number, least recently used dropped past `maxSize`:
 * deriving costs 4 HMACs + 8 compressions, so a server keeps the keys of
 * the drives it hears from. A hit moves the key to the young end of the
 * order only when it has not moved in the last `maxSize / 2` uses (a delete
 * and set per lookup showed in the gateway's profile), so a key is never
 * evicted within `maxSize / 2` uses of its last lookup.
 */
export class FiscalKeyring {
  private readonly master: HmacStreebog256;
  private readonly keys = new Map<string, FiscalDriveKey>();
  private uses = 0;
  private readonly refreshAfter: number;

  constructor(
    masterKey: Uint8Array | string,
    private readonly maxSize = 100_000,
  ) {
    this.master = new HmacStreebog256(masterBytes(masterKey));
    this.refreshAfter = Math.max(1, maxSize >>> 1);
  }

  get size(): number {
    return this.keys.size;
  }

  get(fnNumber: string): FiscalDriveKey {
    const fn = fnNumber.trim();
    const found = this.keys.get(fn);
    const use = ++this.uses;
    if (found) {
      if (use - found.stamp >= this.refreshAfter) {
        this.keys.delete(fn);
        this.keys.set(fn, found);
        found.stamp = use;
      }
      return found;
    }
    if (!/^\d{1,16}$/.test(fn)) {
      throw new ProtocolError('BAD_FIELD', `FN number must be 1 to 16 digits, got "${fnNumber}"`);
    }
    const key = new FiscalDriveKey(fn, this.master.mac(utf8(`${DRIVE_LABEL}\u0000${fn}`)));
    key.stamp = use;
    this.keys.set(fn, key);
    if (this.keys.size > this.maxSize) this.keys.delete(this.keys.keys().next().value!);
    return key;
  }
}
