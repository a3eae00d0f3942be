// The demo organizations and the registers of an emulated fleet. Identities
// depend only on the register's index (never on the seed), so the cabinet's
// demo account can own exactly the registers `openofd start` emulates.
import { makeRnm } from '@openofd/protocol';
import type { ShopKind } from './catalogue.js';
import { organizationInn, personalInn } from './identity.js';

export interface Cashier {
  name: string;
  /** 12-digit personal INN (tag 1203). */
  inn: string;
}

export interface DemoOrganization {
  inn: string;
  kpp?: string;
  name: string;
  /** 1062 bitmask of the regimes registered; 1055 of each receipt is `appliedTaxation`. */
  taxationTypes: number;
  appliedTaxation: number;
  kind: ShopKind;
  /** Hours ahead of UTC of the shops' local time (register times are local, protocol.md §2.2). */
  utcOffset: number;
  email: string;
  shops: readonly { address: string; place: string }[];
  cashiers: readonly Cashier[];
}

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  {
    inn: organizationInn('770812345'),
    kpp: '770801001',
    name: 'ООО "Ромашка"',
    taxationTypes: 1,
    appliedTaxation: 1,
    kind: 'grocery',
    utcOffset: 3,
    email: 'kassa@romashka.example',
    shops: [
      { address: 'г. Москва, ул. Тверская, д. 12', place: 'Магазин "Ромашка" на Тверской' },
      { address: 'г. Москва, Ленинский пр-т, д. 45', place: 'Магазин "Ромашка" на Ленинском' },
    ],
    cashiers: [
      { name: 'Иванова Мария Петровна', inn: personalInn('7701234567') },
      { name: 'Петров Сергей Иванович', inn: personalInn('7702345678') },
      { name: 'Сидорова Ольга Николаевна', inn: personalInn('7703456789') },
    ],
  },
  {
    inn: organizationInn('781523456'),
    kpp: '781501001',
    name: 'ООО "Кофейня на Невском"',
    taxationTypes: 2,
    appliedTaxation: 2,
    kind: 'cafe',
    utcOffset: 3,
    email: 'hello@coffee-nevsky.example',
    shops: [{ address: 'г. Санкт-Петербург, Невский пр-т, д. 88', place: 'Кофейня на Невском' }],
    cashiers: [
      { name: 'Кузнецов Артём Олегович', inn: personalInn('7804567890') },
      { name: 'Смирнова Дарья Андреевна', inn: personalInn('7805678901') },
    ],
  },
  {
    inn: personalInn('5003123456'),
    name: 'ИП Соколова Анна Викторовна',
    taxationTypes: 4,
    appliedTaxation: 4,
    kind: 'hardware',
    utcOffset: 3,
    email: 'sokolova.shop@example.ru',
    shops: [{ address: 'Московская обл., г. Подольск, ул. Садовая, д. 7', place: 'Магазин "Всё для дома"' }],
    cashiers: [
      { name: 'Соколова Анна Викторовна', inn: personalInn('5003123456') },
      { name: 'Орлов Дмитрий Сергеевич', inn: personalInn('5006789012') },
    ],
  },
  {
    inn: organizationInn('540612345'),
    kpp: '540601001',
    name: 'ООО "Сибирский продукт"',
    taxationTypes: 1 | 2,
    appliedTaxation: 1,
    kind: 'grocery',
    utcOffset: 7,
    email: 'info@sibprod.example',
    shops: [
      { address: 'г. Новосибирск, Красный пр-т, д. 30', place: 'Супермаркет "Сибирский продукт"' },
      { address: 'г. Новосибирск, ул. Ленина, д. 5', place: 'Минимаркет "Сибирский продукт"' },
    ],
    cashiers: [
      { name: 'Васильев Игорь Павлович', inn: personalInn('5407890123') },
      { name: 'Морозова Елена Юрьевна', inn: personalInn('5408901234') },
      { name: 'Никитин Павел Романович', inn: personalInn('5409012345') },
    ],
  },
];

export interface RegisterProfile {
  index: number;
  organization: DemoOrganization;
  /** 1013, KKT serial. */
  serial: string;
  /** 1037, RNM with a valid check value. */
  rnm: string;
  /** 1041, 16 digits; `9999…` marks a test/emulated drive (protocol.md §3.4). */
  fnNumber: string;
  address: string;
  place: string;
}

/** Register `index` of any fleet (0-based): organization round-robin, stable identifiers. */
export function registerProfile(index: number): RegisterProfile {
  if (!Number.isSafeInteger(index) || index < 0 || index > 999_999) {
    throw new Error(`register index must be 0..999999, got ${index}`);
  }
  const organization = DEMO_ORGANIZATIONS[index % DEMO_ORGANIZATIONS.length]!;
  const shop = organization.shops[Math.floor(index / DEMO_ORGANIZATIONS.length) % organization.shops.length]!;
  const serial = `00106${String(index).padStart(7, '0')}`;
  return {
    index,
    organization,
    serial,
    rnm: makeRnm(1_000_000 + index, organization.inn, serial),
    fnNumber: `9999078900${String(index).padStart(6, '0')}`,
    address: shop.address,
    place: shop.place,
  };
}

/** The registers `openofd start` streams from: the demo account owns these. */
export const DEMO_REGISTER_COUNT = 8;
export const DEMO_REGISTERS: readonly RegisterProfile[] = Array.from(
  { length: DEMO_REGISTER_COUNT },
  (_, i) => registerProfile(i),
);
