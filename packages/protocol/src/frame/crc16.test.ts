import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromHex, readSharedJson } from '../../test/shared-data.js';
import { containerCrc } from './container-header.js';
import { crc16CcittFalse, crc16Range } from './crc16.js';

interface Identifiers {
  crc16_ccitt_false: { cases: { ascii: string; crc_hex: string }[] };
}
interface ContainerVectors {
  cases: { id: string; header_with_crc_zero_hex?: string; body_hex?: string; expect: { crc: number } }[];
}

test('check value of "123456789" is 0x29B1 (identifiers.json)', () => {
  const v = readSharedJson<Identifiers>('vectors/identifiers.json');
  for (const c of v.crc16_ccitt_false.cases) {
    assert.equal(crc16CcittFalse(new TextEncoder().encode(c.ascii)), Number.parseInt(c.crc_hex, 16));
  }
});

test('container CRC of the yandex frame is 60419 (header CRC field skipped)', () => {
  const v = readSharedJson<ContainerVectors>('vectors/container_header_crc.json');
  const c = v.cases.find((x) => x.id === 'yandex-frame-crc')!;
  assert.equal(containerCrc(fromHex(c.header_with_crc_zero_hex!), fromHex(c.body_hex!)), 60419);
  // The CRC field's own content must not matter.
  const header = fromHex(c.header_with_crc_zero_hex!);
  header[2] = 0xab;
  header[3] = 0xcd;
  assert.equal(containerCrc(header, fromHex(c.body_hex!)), 60419);
});

test('CRC continued over a split equals the CRC of the whole', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(200), (bytes, cut) => {
      const at = Math.min(cut, bytes.length);
      const whole = crc16CcittFalse(bytes);
      assert.equal(crc16CcittFalse(bytes.subarray(at), crc16CcittFalse(bytes.subarray(0, at))), whole);
    }),
  );
});

test('empty input gives the init value', () => {
  assert.equal(crc16CcittFalse(new Uint8Array()), 0xffff);
});

test('property: the 4-byte-sliced range CRC equals the byte loop for any range and start value', () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ maxLength: 300 }),
      fc.nat(),
      fc.nat(),
      fc.integer({ min: 0, max: 0xffff }),
      (bytes, a, b, init) => {
        const from = bytes.length === 0 ? 0 : a % (bytes.length + 1);
        const to = from + (bytes.length - from === 0 ? 0 : b % (bytes.length - from + 1));
        assert.equal(crc16Range(bytes, from, to, init), crc16CcittFalse(bytes.subarray(from, to), init));
      },
    ),
    { numRuns: 2000 },
  );
});
