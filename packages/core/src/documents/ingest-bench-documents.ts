// Realistic ФФД 1.2 documents for the ingest micro-benchmark, built like the
// ККТ emulator's day (registration report, shift open, receipts with items,
// shift close) and run through the protocol codec, so `document` is exactly
// what the gateway's decoder hands to ingestDocuments and `raw` has a real
// message's size. Core may not import the emulator (dependency rule), hence
// this small copy of its shapes.
import { decodeDocument, encodeDocument, type FnsDocument, type FnsFields } from '@openofd/protocol';
import type { FnsJson } from './document-columns.js';
import type { IngestDocumentInput } from './ingest-documents.js';

const ITEMS = [
  ['Молоко пастеризованное 3,2% 930 мл', 8990, 2],
  ['Хлеб Бородинский нарезка 400 г', 5490, 2],
  ['Кофе зерновой Арабика 1 кг', 159900, 1],
  ['Сыр Российский 45% весовой', 79900, 2],
  ['Шампунь для всех типов волос 400 мл', 34900, 1],
  ['Батарейки AA щелочные 4 шт', 29900, 1],
  ['Яблоки Гала весовые', 14990, 2],
  ['Вода питьевая негазированная 5 л', 12900, 2],
] as const;

const CASHIERS = ['Кассир Иванова А. П.', 'Кассир Петров С. В.', 'Старший кассир Смирнова Е. Н.'];

export interface FleetDrive {
  fn: string;
  rnm: string;
  inn: string;
  serial: string;
  address: string;
  nextFd: number;
  time: number;
  shift: number;
}

export function fleetDrives(count: number, firstIndex = 0): FleetDrive[] {
  return Array.from({ length: count }, (_, k) => {
    const i = firstIndex + k;
    return {
      fn: `99990789${String(i).padStart(8, '0')}`,
      rnm: String(1_000_000_000 + i * 7).padStart(16, '0'),
      inn: ['7702203276', '7707083893', '500100732259'][i % 3] as string,
      serial: String(100_000 + i).padStart(12, '0'),
      address: `г. Москва, ул. Тверская, д. ${1 + (i % 90)}, пом. ${1 + (i % 7)}`,
      nextFd: 1,
      time: 1_796_383_200 + (i % 600),
      shift: 0,
    };
  });
}

function base(d: FleetDrive, fd: number): FnsFields {
  return {
    user: 'ООО "Ромашка"',
    userInn: d.inn,
    dateTime: d.time,
    fiscalDocumentNumber: fd,
    fiscalDriveNumber: d.fn,
    kktRegId: d.rnm,
    operator: CASHIERS[fd % CASHIERS.length] as string,
    operatorInn: '771234567890',
    retailPlaceAddress: d.address,
    retailPlace: 'Магазин "У дома"',
  };
}

function receipt(d: FleetDrive, fd: number): FnsDocument {
  const count = 1 + ((fd * 7 + Number(d.fn.slice(-3))) % 6);
  let total = 0;
  let vat = 0;
  const items: FnsFields[] = [];
  for (let i = 0; i < count; i++) {
    const [name, price, nds] = ITEMS[(fd + i * 3) % ITEMS.length] as (typeof ITEMS)[number];
    const quantity = i % 4 === 3 ? 1.25 : 1 + (i % 2);
    const sum = Math.round(price * quantity);
    const ndsSum = nds === 1 ? Math.round((sum * 20) / 120) : Math.round((sum * 10) / 110);
    total += sum;
    vat += ndsSum;
    items.push({
      name,
      price,
      quantity,
      sum,
      nds,
      ndsSum,
      productType: 1,
      paymentType: 4,
      itemsQuantityMeasure: 0,
    });
  }
  const card = fd % 3 !== 0;
  const fields: FnsFields = {
    ...base(d, fd),
    shiftNumber: d.shift,
    requestNumber: fd,
    operationType: fd % 17 === 0 ? 2 : 1,
    appliedTaxationType: 1,
    totalSum: total,
    cashTotalSum: card ? 0 : total,
    ecashTotalSum: card ? total : 0,
    prepaidSum: 0,
    creditSum: 0,
    provisionSum: 0,
    fiscalDocumentFormatVer: 4,
    items,
    nds18: vat,
  };
  if (fd % 10 === 0) {
    fields.buyerPhoneOrAddress = fd % 20 === 0 ? '+79990001122' : 'buyer@example.ru';
    fields.sellerAddress = 'noreply@example.ru';
  }
  return { receipt: fields };
}

function report(d: FleetDrive, fd: number, form: 1 | 2 | 5): FnsDocument {
  const common = { ...base(d, fd), fiscalDocumentFormatVer: 4, fdKeyResource: 400 - d.shift };
  if (form === 1) {
    return {
      fiscalReport: {
        ...common,
        kktNumber: d.serial,
        kktVersion: '1.2.0',
        documentKktVersion: 4,
        ofdInn: '7704211201',
      },
    };
  }
  if (form === 2) return { openShift: { ...common, shiftNumber: d.shift, kktVersion: '1.2.0' } };
  return { closeShift: { ...common, shiftNumber: d.shift, notTransmittedDocumentsQuantity: 0 } };
}

const FORM: Record<string, number> = { fiscalReport: 1, openShift: 2, receipt: 3, closeShift: 5 };

/** The drive's next document as the gateway would hand it over: a day of 1 registration, shifts of 20. */
export function nextFleetDocument(d: FleetDrive, receivedAt: Date): IngestDocumentInput {
  const fd = d.nextFd++;
  d.time += 37;
  let built: FnsDocument;
  if (fd === 1) built = report(d, fd, 1);
  else if ((fd - 2) % 20 === 0) {
    d.shift++;
    built = report(d, fd, 2);
  } else if ((fd - 2) % 20 === 19) built = report(d, fd, 5);
  else built = receipt(d, fd);
  const tlv = encodeDocument(built);
  // A message: a 30-byte container header before the document, as on the wire.
  const raw = new Uint8Array(30 + tlv.length);
  raw.set(tlv, 30);
  const document = decodeDocument(tlv) as FnsJson;
  const name = Object.keys(built)[0] as string;
  return {
    raw,
    fnNumber: d.fn,
    fdNumber: fd,
    formCode: FORM[name] as number,
    document,
    flkViolations: [],
    cryptoStatus: 'verified',
    receivedAt,
  };
}
