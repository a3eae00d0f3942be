// Test builder: a ФФД 1.2 receipt in the FNS JSON shape that passes ФЛК clean.
import type { FnsDocument, FnsFields } from '../src/documents/types.js';

export function validReceipt12(): FnsDocument & { receipt: FnsFields & { items: FnsFields[] } } {
  return {
    receipt: {
      code: 3,
      dateTime: Date.UTC(2024, 8, 17, 18, 1) / 1000,
      userInn: '7702203276',
      kktRegId: '0000000005008570',
      fiscalDocumentNumber: 42,
      fiscalDriveNumber: '9999078900005488',
      fiscalSign: 2853205313,
      fiscalDocumentFormatVer: 4,
      shiftNumber: 3,
      requestNumber: 7,
      operationType: 1,
      appliedTaxationType: 1,
      totalSum: 42550,
      cashTotalSum: 10000,
      ecashTotalSum: 32550,
      prepaidSum: 0,
      creditSum: 0,
      provisionSum: 0,
      operatorInn: '112233445573',
      items: [
        {
          name: 'Молоко 3,2%',
          price: 8900,
          quantity: 2,
          sum: 17800,
          nds: 2,
          productType: 1,
          paymentType: 4,
          itemsQuantityMeasure: 0,
        },
        {
          name: 'Сыр весовой',
          price: 99000,
          quantity: 0.25,
          sum: 24750,
          nds: 2,
          productType: 1,
          paymentType: 4,
          itemsQuantityMeasure: 11,
        },
      ],
    },
  };
}
