// Configuration from the environment (architecture.md "Configuration").
// Every variable is optional: the defaults run the embedded all-in-one setup.
export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  gatewayPort: number;
  httpPort: number;
  fnsUrl: string | undefined;
  smtpUrl: string | undefined;
  smsUrl: string | undefined;
  /** Base of links in letters (OFD_PUBLIC_URL). */
  publicUrl: string;
  /** PEM file or directory of trusted CAs for certificate sign-in (OFD_TRUSTED_CA). */
  trustedCa: string | undefined;
  operatorInn: string;
  masterKey: string;
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${name} must be a TCP port, got "${value}"`);
  return n;
}

function optional(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return {
    databaseUrl: optional(env.OFD_DATABASE_URL),
    dataDir: optional(env.OFD_DATA_DIR) ?? './data',
    gatewayPort: port(env.OFD_GATEWAY_PORT, 7777, 'OFD_GATEWAY_PORT'),
    httpPort: port(env.OFD_HTTP_PORT, 8080, 'OFD_HTTP_PORT'),
    fnsUrl: optional(env.OFD_FNS_URL),
    smtpUrl: optional(env.OFD_SMTP_URL),
    smsUrl: optional(env.OFD_SMS_URL),
    publicUrl:
      optional(env.OFD_PUBLIC_URL) ?? `http://localhost:${port(env.OFD_HTTP_PORT, 8080, 'OFD_HTTP_PORT')}`,
    trustedCa: optional(env.OFD_TRUSTED_CA),
    // Demo operator INN (valid checksum); production sets its own.
    operatorInn: optional(env.OFD_OPERATOR_INN) ?? '7704358518',
    // Emulated fiscal crypto only; a certified crypto box ignores it.
    masterKey: optional(env.OFD_MASTER_KEY) ?? 'openofd-demo-master-key',
  };
}
