// Builders for synthetic documents: raw TLV pieces for byte-level cases and a
// realistic ФФД 1.2 receipt in FNS JSON (for tests and the decoder benchmark).
import type { FnsDocument, FnsFields } from '../src/documents/types.js';

/** One TLV: tag, LE length, value (bytes, or children concatenated). */
export function tlv(tag: number, ...value: (Uint8Array | number[])[]): Uint8Array {
  const body = concat(...value.map((v) => (v instanceof Uint8Array ? v : Uint8Array.from(v))));
  const out = new Uint8Array(4 + body.length);
  out.set([tag & 0xff, tag >> 8, body.length & 0xff, body.length >> 8]);
  out.set(body, 4);
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export const u32le = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];
export const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** A ФФД 1.2 sale receipt with `items` items (one with a marking code), amounts in kopecks. */
export function receipt12(items = 5): FnsDocument {
  const list: FnsFields[] = [];
  let total = 0;
  for (let i = 0; i < items; i++) {
    const price = 12990 + i * 1050;
    const quantity = i === 2 ? 1.25 : 1 + (i % 3);
    const sum = Math.round(price * quantity);
    total += sum;
    const item: FnsFields = {
      name: `Товар №${i + 1} - молоко пастеризованное 3,2% 930 мл`,
      price,
      quantity,
      sum,
      paymentType: 4,
      productType: i === 0 ? 33 : 1,
      nds: 2,
      ndsSum: Math.round((sum * 10) / 110),
      itemsQuantityMeasure: i === 2 ? 11 : 0,
    };
    if (i === 0) {
      item.productCodeNew = { gs1m: '0104600439931256215Ycf7Y4Ct1hfM' };
      item.itemsIndustryDetails = [
        {
          idFoiv: '030',
          foundationDocDateTime: '26.03.2022',
          foundationDocNumber: '477',
          industryPropValue: 'mode=1',
        },
      ];
    }
    list.push(item);
  }
  return {
    receipt: {
      code: 3,
      user: 'ООО "Ромашка"',
      userInn: '7702203276',
      fiscalDocumentNumber: 18342,
      dateTime: 1733330000,
      fiscalDriveNumber: '7281440500123456',
      kktRegId: '0000000005008570',
      shiftNumber: 214,
      requestNumber: 57,
      operationType: 1,
      appliedTaxationType: 1,
      fiscalDocumentFormatVer: 4,
      operator: 'Кассир Иванова А. П.',
      operatorInn: '771234567890',
      retailPlace: 'Магазин "У дома"',
      retailPlaceAddress: '111141, г. Москва, ул. Кусковская, д. 20А',
      sellerAddress: 'noreply@example.ru',
      fnsUrl: 'www.nalog.gov.ru',
      items: list,
      totalSum: total,
      cashTotalSum: 0,
      ecashTotalSum: total,
      prepaidSum: 0,
      creditSum: 0,
      provisionSum: 0,
      nds10: list.reduce((n, it) => n + (it.ndsSum as number), 0),
      fiscalSign: 2853205313,
    },
  };
}
