// What the demo shops sell. Each item's demand follows one pattern, so that
// ABC/XYZ analytics over the emulated receipts have something to find:
//   steady   — about the same every day (XYZ class X);
//   seasonal — follows the time of year and the weekday (class Y);
//   erratic  — mostly idle, with bursts (class Z).

export type DemandPattern = 'steady' | 'seasonal' | 'erratic';

export interface CatalogueItem {
  name: string;
  /** Unit price, kopecks. */
  price: number;
  /** 1199: 1 = 20 %, 2 = 10 %, 5 = 0 %, 6 = no VAT. */
  vat: 1 | 2 | 5 | 6;
  /** 2108: 0 piece, 11 kilogram, 41 litre. */
  measure: 0 | 11 | 41;
  /** 1212: 1 goods, 4 service. */
  productType: 1 | 4;
  pattern: DemandPattern;
  /** Mean units sold per register per day. */
  daily: number;
  /** Day of the year when a seasonal item sells most. */
  peakDay?: number;
}

type Kind = 'grocery' | 'cafe' | 'hardware';

const GROCERY: CatalogueItem[] = [
  {
    name: 'Хлеб "Бородинский" 400 г',
    price: 6490,
    vat: 2,
    measure: 0,
    productType: 1,
    pattern: 'steady',
    daily: 40,
  },
  { name: 'Молоко 3,2 % 1 л', price: 8990, vat: 2, measure: 0, productType: 1, pattern: 'steady', daily: 35 },
  {
    name: 'Яйца куриные С1, 10 шт.',
    price: 11990,
    vat: 2,
    measure: 0,
    productType: 1,
    pattern: 'steady',
    daily: 18,
  },
  { name: 'Сахар-песок 1 кг', price: 7990, vat: 2, measure: 0, productType: 1, pattern: 'steady', daily: 8 },
  { name: 'Бананы', price: 13990, vat: 2, measure: 11, productType: 1, pattern: 'steady', daily: 12 },
  { name: 'Картофель', price: 4990, vat: 2, measure: 11, productType: 1, pattern: 'steady', daily: 20 },
  {
    name: 'Вода питьевая 1,5 л',
    price: 5990,
    vat: 1,
    measure: 0,
    productType: 1,
    pattern: 'seasonal',
    daily: 20,
    peakDay: 200,
  },
  {
    name: 'Мороженое пломбир 80 г',
    price: 8990,
    vat: 1,
    measure: 0,
    productType: 1,
    pattern: 'seasonal',
    daily: 14,
    peakDay: 195,
  },
  {
    name: 'Квас 1,5 л',
    price: 11990,
    vat: 1,
    measure: 0,
    productType: 1,
    pattern: 'seasonal',
    daily: 8,
    peakDay: 190,
  },
  {
    name: 'Мандарины',
    price: 18990,
    vat: 2,
    measure: 11,
    productType: 1,
    pattern: 'seasonal',
    daily: 6,
    peakDay: 360,
  },
  {
    name: 'Арбуз',
    price: 3990,
    vat: 2,
    measure: 11,
    productType: 1,
    pattern: 'seasonal',
    daily: 10,
    peakDay: 230,
  },
  {
    name: 'Торт "Наполеон" 1 кг',
    price: 89900,
    vat: 1,
    measure: 0,
    productType: 1,
    pattern: 'erratic',
    daily: 1.5,
  },
  {
    name: 'Шампанское 0,75 л',
    price: 74900,
    vat: 1,
    measure: 0,
    productType: 1,
    pattern: 'erratic',
    daily: 2,
  },
  {
    name: 'Икра красная 100 г',
    price: 99900,
    vat: 1,
    measure: 0,
    productType: 1,
    pattern: 'erratic',
    daily: 1,
  },
  { name: 'Пакет-майка', price: 900, vat: 1, measure: 0, productType: 1, pattern: 'steady', daily: 30 },
];

const CAFE: CatalogueItem[] = [
  { name: 'Капучино 300 мл', price: 22000, vat: 6, measure: 0, productType: 1, pattern: 'steady', daily: 60 },
  {
    name: 'Американо 300 мл',
    price: 18000,
    vat: 6,
    measure: 0,
    productType: 1,
    pattern: 'steady',
    daily: 35,
  },
  { name: 'Круассан', price: 15000, vat: 6, measure: 0, productType: 1, pattern: 'steady', daily: 25 },
  {
    name: 'Чай облепиховый 400 мл',
    price: 24000,
    vat: 6,
    measure: 0,
    productType: 1,
    pattern: 'seasonal',
    daily: 15,
    peakDay: 15,
  },
  {
    name: 'Лимонад 400 мл',
    price: 26000,
    vat: 6,
    measure: 0,
    productType: 1,
    pattern: 'seasonal',
    daily: 15,
    peakDay: 200,
  },
  {
    name: 'Глинтвейн безалкогольный',
    price: 29000,
    vat: 6,
    measure: 0,
    productType: 1,
    pattern: 'seasonal',
    daily: 8,
    peakDay: 355,
  },
  {
    name: 'Торт на заказ',
    price: 250000,
    vat: 6,
    measure: 0,
    productType: 1,
    pattern: 'erratic',
    daily: 0.4,
  },
  {
    name: 'Кейтеринг, обслуживание мероприятия',
    price: 1500000,
    vat: 6,
    measure: 0,
    productType: 4,
    pattern: 'erratic',
    daily: 0.1,
  },
  {
    name: 'Зерно кофейное 250 г',
    price: 69000,
    vat: 6,
    measure: 0,
    productType: 1,
    pattern: 'erratic',
    daily: 1,
  },
];

const HARDWARE: CatalogueItem[] = [
  {
    name: 'Саморезы 3,5x25, 100 шт.',
    price: 19900,
    vat: 6,
    measure: 0,
    productType: 1,
    pattern: 'steady',
    daily: 10,
  },
  {
    name: 'Лампа светодиодная E27 10 Вт',
    price: 14900,
    vat: 6,
    measure: 0,
    productType: 1,
    pattern: 'steady',
    daily: 8,
  },
  {
    name: 'Изолента ПВХ 19 мм',
    price: 8900,
    vat: 6,
    measure: 0,
    productType: 1,
    pattern: 'steady',
    daily: 6,
  },
  {
    name: 'Краска фасадная 2,7 л',
    price: 189000,
    vat: 6,
    measure: 0,
    productType: 1,
    pattern: 'seasonal',
    daily: 3,
    peakDay: 150,
  },
  {
    name: 'Семена газонной травы 1 кг',
    price: 59000,
    vat: 6,
    measure: 11,
    productType: 1,
    pattern: 'seasonal',
    daily: 3,
    peakDay: 120,
  },
  {
    name: 'Лопата снеговая',
    price: 99000,
    vat: 6,
    measure: 0,
    productType: 1,
    pattern: 'seasonal',
    daily: 2,
    peakDay: 10,
  },
  {
    name: 'Антифриз -30 °C',
    price: 49900,
    vat: 6,
    measure: 41,
    productType: 1,
    pattern: 'seasonal',
    daily: 3,
    peakDay: 330,
  },
  { name: 'Перфоратор', price: 1299000, vat: 6, measure: 0, productType: 1, pattern: 'erratic', daily: 0.2 },
  {
    name: 'Резка стекла по размеру',
    price: 35000,
    vat: 6,
    measure: 0,
    productType: 4,
    pattern: 'erratic',
    daily: 0.6,
  },
  {
    name: 'Кабель ВВГ 3x2,5, метр',
    price: 12900,
    vat: 6,
    measure: 0,
    productType: 1,
    pattern: 'erratic',
    daily: 4,
  },
];

export const CATALOGUES: Record<Kind, readonly CatalogueItem[]> = {
  grocery: GROCERY,
  cafe: CAFE,
  hardware: HARDWARE,
};

export type ShopKind = Kind;
