import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startApiServer } from '@openofd/api';
import {
  type Config,
  type DemoAccount,
  ensureDemoAccount,
  initTestCa,
  issueTestCertificate,
  writeCertificateFiles,
} from '@openofd/core';
import { DEMO_ORGANIZATIONS } from '@openofd/kkt-emulator';
import type { RunningService, Service, ServiceContext } from './service.js';

export const DEMO_ACCOUNT: DemoAccount = {
  email: 'demo@openofd.local',
  phone: '+79990000000',
  password: 'Demo-2026',
  fullName: 'Демо Пользователь',
  organizations: DEMO_ORGANIZATIONS.map((o) => ({
    name: o.name,
    inn: o.inn,
    ...(o.kpp ? { kpp: o.kpp } : {}),
    ...(o.shops[0] ? { address: o.shops[0].address } : {}),
  })),
};

export const DEMO_CERTIFICATE_PASSWORD = 'demo';

/**
 * The test CA in `<dataDir>/ca/` and the first demo organization's
 * certificate in `<dataDir>/ca/demo/`, both made once (first start).
 */
export async function ensureDemoCertificate(config: Config): Promise<{ dir: string; created: boolean }> {
  const caDir = resolve(config.dataDir, 'ca');
  const dir = join(caDir, 'demo');
  if (existsSync(join(dir, 'cert.pem'))) return { dir, created: false };
  const ca = await initTestCa(caDir);
  const org = DEMO_ORGANIZATIONS[0]!;
  const issued = await issueTestCertificate(ca, { inn: org.inn, name: org.name });
  await writeCertificateFiles(dir, issued, DEMO_CERTIFICATE_PASSWORD);
  return { dir, created: true };
}

/**
 * The cabinet: API + built web app on OFD_HTTP_PORT, letters to OFD_SMTP_URL
 * or the in-process SMTP sink (shown at /dev/mail), and the demo account that
 * owns the emulated registers' organizations (idempotent on restart).
 */
export function apiService(options: { print?: (line: string) => void } = {}): Service {
  const print = options.print ?? ((line: string) => console.log(line));
  return {
    name: 'api',
    async start({ config, database, logger }: ServiceContext): Promise<RunningService> {
      await ensureDemoAccount(database.db, DEMO_ACCOUNT);
      const cert = await ensureDemoCertificate(config);
      const server = await startApiServer({ config, database });
      logger.info({ url: server.url, mail: server.mail }, 'api listening');
      const base = config.publicUrl.replace(/\/+$/, '');
      print(
        [
          `Личный кабинет: ${base}  (API: ${base}/api/docs)`,
          `Демо-вход: ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}  (или телефон ${DEMO_ACCOUNT.phone})`,
          `Сертификат демо-организации «${DEMO_ORGANIZATIONS[0]!.name}»: ${cert.dir}/cert.p12 (пароль ${DEMO_CERTIFICATE_PASSWORD}), или cert.pem + key.pem`,
          ...(server.mail === 'dev-sink' ? [`Письма и SMS (без OFD_SMTP_URL): ${base}/dev/mail`] : []),
        ].join('\n'),
      );
      return { info: { url: server.url, mail: server.mail }, stop: () => server.close() };
    },
  };
}
