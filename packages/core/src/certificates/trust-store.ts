import { X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Trusted CA certificates for certificate sign-in: OFD_TRUSTED_CA (a PEM file
 * with one or more certificates, or a directory of *.pem / *.crt files), else
 * the project's test CA at `<dataDir>/ca/ca.pem` when it exists.
 */
export function loadTrustedCas(options: {
  trustedCa?: string | undefined;
  dataDir: string;
}): X509Certificate[] {
  const path = options.trustedCa ?? join(options.dataDir, 'ca', 'ca.pem');
  if (!existsSync(path)) return [];
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => /\.(pem|crt)$/i.test(f))
        .map((f) => join(path, f))
    : [path];
  return files.flatMap((f) => splitPem(readFileSync(f, 'utf8')).map((pem) => new X509Certificate(pem)));
}

export function splitPem(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
