import { resolve } from 'node:path';
import { initTestCa, issueTestCertificate, loadConfig, writeCertificateFiles } from '@openofd/core';
import { type Command, UsageError } from '../command.js';

function options(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    if (eq > 0) out.set(arg.slice(2, eq), arg.slice(eq + 1));
    else {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      out.set(arg.slice(2), value);
    }
  }
  return out;
}

export const caCommand: Command = {
  name: 'ca',
  summary: 'test certification authority: init, and issue certificates for sign-in by electronic signature',
  usage:
    'openofd ca init [--dir DIR]\n' +
    '       openofd ca issue --inn INN [--ogrn OGRN] --name NAME [--out DIR] [--key ecdsa|rsa] [--password P] [--dir DIR]\n\n' +
    '  --dir       the CA folder (default <OFD_DATA_DIR>/ca, which the API trusts unless OFD_TRUSTED_CA is set)\n' +
    '  --out       where cert.pem, key.pem (PKCS#8) and cert.p12 go (default <dir>/issued/<inn>)\n' +
    '  --password  password of cert.p12 (default "demo"); PBES2 AES-256-CBC, opens in the browser\n\n' +
    'A TEST authority for the demo and development: not a qualified (ГОСТ) certificate.',
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub !== 'init' && sub !== 'issue') throw new UsageError('expected "init" or "issue"');
    const opts = options(rest);
    const dir = resolve(opts.get('dir') ?? resolve(loadConfig().dataDir, 'ca'));
    const ca = await initTestCa(dir);
    if (sub === 'init') {
      console.log(ca.created ? `created the test CA: ${ca.certPath}` : `the test CA exists: ${ca.certPath}`);
      return 0;
    }
    const inn = opts.get('inn');
    const name = opts.get('name');
    const key = opts.get('key') ?? 'ecdsa';
    if (!inn || !/^(\d{10}|\d{12})$/.test(inn)) throw new UsageError('--inn must be 10 or 12 digits');
    if (!name) throw new UsageError('--name is required');
    if (key !== 'ecdsa' && key !== 'rsa') throw new UsageError('--key must be ecdsa or rsa');
    const ogrn = opts.get('ogrn');
    if (ogrn !== undefined && !/^(\d{13}|\d{15})$/.test(ogrn))
      throw new UsageError('--ogrn must be 13 or 15 digits');
    for (const k of opts.keys()) {
      if (!['inn', 'ogrn', 'name', 'out', 'key', 'password', 'dir'].includes(k))
        throw new UsageError(`unknown option --${k}`);
    }
    const issued = await issueTestCertificate(ca, { inn, ogrn, name, key });
    const out = resolve(opts.get('out') ?? resolve(dir, 'issued', inn));
    const files = await writeCertificateFiles(out, issued, opts.get('password') ?? 'demo');
    console.log(
      [
        `issued for ${issued.certificate.subject}`,
        `  ${files.certificate}`,
        `  ${files.privateKey}`,
        `  ${files.pkcs12}`,
      ].join('\n'),
    );
    return 0;
  },
};
