import { innProblem, isValidKpp } from '@openofd/protocol';
import { AppError } from '../errors.js';

export interface OrganizationDetails {
  name: string;
  inn: string;
  kpp?: string | undefined;
  ogrn?: string | undefined;
  directorName?: string | undefined;
  legalAddress?: string | undefined;
  actualAddress?: string | undefined;
}

/** Domain checks of organization details; every broken field is reported at once. */
export function validateDetails(d: OrganizationDetails): void {
  const fields: Record<string, string> = {};
  if (d.name.trim() === '') fields.name = 'Укажите название';
  const inn = innProblem(d.inn);
  if (inn === 'format') fields.inn = 'ИНН — 10 цифр для организации или 12 для ИП';
  if (inn === 'checksum') fields.inn = 'Неверный ИНН: не сходится контрольное число';
  if (d.kpp && !isValidKpp(d.kpp)) fields.kpp = 'КПП — 9 знаков, например 770401001';
  if (d.kpp && d.inn.length === 12) fields.kpp = 'У ИП нет КПП';
  if (d.ogrn && !/^(\d{13}|\d{15})$/.test(d.ogrn)) fields.ogrn = 'ОГРН — 13 цифр (ОГРНИП — 15)';
  if (Object.keys(fields).length > 0) {
    throw new AppError('INVALID_INPUT', 'Проверьте реквизиты организации', { fields });
  }
}

export const INN_TAKEN = 'Организация с этим ИНН уже зарегистрирована. Попросите её владельца пригласить вас';
