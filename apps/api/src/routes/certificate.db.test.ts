import assert from 'node:assert/strict';
import { constants, createPrivateKey, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type IssuedCertificate, initTestCa, issueTestCertificate } from '@openofd/core';
import { type Client, createHarness, type Harness, signedUpUser } from '../testing/harness.js';

let h: Harness;
let owner: Client;
const INN = '7707083893';
const OGRN = '1027700132195';
before(async () => {
  h = await createHarness();
  owner = await signedUpUser(h, 'cert-owner@example.ru', '+79150000001');
  const r = await owner.post('/api/organizations', { name: 'ПАО Тест', inn: INN, ogrn: OGRN });
  assert.equal(r.status, 201);
});
after(async () => {
  await h.close();
});

type Alg = 'ECDSA-P256-SHA256' | 'RSASSA-PKCS1-v1_5-SHA256' | 'RSA-PSS-SHA256';

/** Signs like WebCrypto does: ECDSA as raw r‖s (IEEE P1363). */
function webCryptoSign(cert: IssuedCertificate, data: Buffer, algorithm: Alg): string {
  const key = createPrivateKey(cert.privateKeyPem);
  if (algorithm === 'ECDSA-P256-SHA256')
    return sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' }).toString('base64');
  if (algorithm === 'RSA-PSS-SHA256') {
    return sign('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }).toString(
      'base64',
    );
  }
  return sign('sha256', data, key).toString('base64');
}

async function attempt(
  c: Client,
  cert: IssuedCertificate,
  options: { algorithm?: Alg; tamper?: boolean; der?: boolean; challengeId?: string } = {},
) {
  const ch = await c.post('/api/auth/certificate/challenge');
  assert.equal(ch.status, 200);
  const data = Buffer.from(ch.body.challenge, 'base64');
  assert.equal(data.length, 32);
  if (options.tamper) data[0] = data[0]! ^ 1;
  const algorithm = options.algorithm ?? 'ECDSA-P256-SHA256';
  const certificate = options.der
    ? Buffer.from(cert.certificate.rawData).toString('base64')
    : cert.certificatePem;
  const body = {
    challengeId: options.challengeId ?? ch.body.challengeId,
    certificate,
    signature: webCryptoSign(cert, data, algorithm),
    algorithm,
  };
  return { reply: await c.post('/api/auth/certificate/sign-in', body), body };
}

test('ECDSA P-256 certificate from the test CA signs in as the organization owner', async () => {
  const cert = await issueTestCertificate(h.ca, { inn: INN, ogrn: OGRN, name: 'ПАО Тест' });
  const c = h.client();
  const { reply } = await attempt(c, cert);
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  assert.equal(reply.body.user.email, 'cert-owner@example.ru');
  assert.equal(reply.body.signedInWith, 'certificate');
  assert.equal((await c.get('/api/me')).status, 200);
  const events = (await c.get('/api/me/security-events')).body.events;
  assert.equal(events[0].type, 'certificate_sign_in');
});

test('RSA (PKCS#1 v1.5 and PSS) certificates, in DER base64 too', async () => {
  const cert = await issueTestCertificate(h.ca, { inn: INN, name: 'ПАО Тест', key: 'rsa' });
  for (const algorithm of ['RSASSA-PKCS1-v1_5-SHA256', 'RSA-PSS-SHA256'] as const) {
    const { reply } = await attempt(h.client(), cert, { algorithm, der: true });
    assert.equal(reply.status, 200, `${algorithm}: ${JSON.stringify(reply.body)}`);
  }
  const { reply: mismatch } = await attempt(h.client(), cert, { algorithm: 'ECDSA-P256-SHA256' });
  assert.equal(mismatch.status, 401);
  assert.match(mismatch.body.error.message, /не ECDSA P-256/);
});

test('a challenge works once', async () => {
  const cert = await issueTestCertificate(h.ca, { inn: INN, name: 'ПАО Тест' });
  const c = h.client();
  const first = await attempt(c, cert);
  assert.equal(first.reply.status, 200);
  const replay = await c.post('/api/auth/certificate/sign-in', first.body);
  assert.equal(replay.status, 401);
  assert.equal(replay.body.error.code, 'certificate_rejected');
  assert.match(replay.body.error.message, /устарел или уже использован/);
});

test('wrong signature, expired certificate, another CA, unknown INN → 401 with the reason', async () => {
  const good = await issueTestCertificate(h.ca, { inn: INN, name: 'ПАО Тест' });
  const tampered = await attempt(h.client(), good, { tamper: true });
  assert.equal(tampered.reply.status, 401);
  assert.match(tampered.reply.body.error.message, /Подпись не соответствует/);

  const expired = await issueTestCertificate(h.ca, {
    inn: INN,
    name: 'ПАО Тест',
    notBefore: new Date(Date.now() - 400 * 86_400_000),
    notAfter: new Date(Date.now() - 86_400_000),
  });
  const e = await attempt(h.client(), expired);
  assert.equal(e.reply.status, 401);
  assert.match(e.reply.body.error.message, /Срок действия сертификата истёк/);

  const otherDir = mkdtempSync(join(tmpdir(), 'ofd-other-ca-'));
  try {
    const otherCa = await initTestCa(otherDir, { name: 'OpenOFD Test CA' });
    const foreign = await issueTestCertificate(otherCa, { inn: INN, name: 'ПАО Тест' });
    const f = await attempt(h.client(), foreign);
    assert.equal(f.reply.status, 401);
    assert.match(f.reply.body.error.message, /не доверенным удостоверяющим центром/);
  } finally {
    rmSync(otherDir, { recursive: true, force: true });
  }

  const stranger = await issueTestCertificate(h.ca, { inn: '7736207543', name: 'ООО Чужая' });
  const s = await attempt(h.client(), stranger);
  assert.equal(s.reply.status, 401);
  assert.match(s.reply.body.error.message, /ИНН 7736207543 не зарегистрирована/);

  const garbage = await h.client().post('/api/auth/certificate/challenge');
  const g = await h.client().post('/api/auth/certificate/sign-in', {
    challengeId: garbage.body.challengeId,
    certificate: 'not a certificate',
    signature: 'AAAA',
    algorithm: 'ECDSA-P256-SHA256',
  });
  assert.equal(g.status, 401);
  assert.match(g.body.error.message, /Не удалось прочитать сертификат/);
  const badAlg = await h.client().post('/api/auth/certificate/sign-in', {
    challengeId: garbage.body.challengeId,
    certificate: good.certificatePem,
    signature: 'AAAA',
    algorithm: 'GOST-R-34.10-2012',
  });
  assert.equal(badAlg.status, 400);
  assert.ok(badAlg.body.error.fields.algorithm);
});

test('a certificate bound to a user (proof by signature) signs in to that user, whatever its INN; unbinding ends that', async () => {
  const accountant = await signedUpUser(h, 'bound@example.ru', '+79150000002');
  const personal = await issueTestCertificate(h.ca, { inn: '500100732259', name: 'Бухгалтер Петрова' });
  const signBody = async (c: Client, cert: IssuedCertificate) => {
    const ch = await c.post('/api/auth/certificate/challenge');
    return {
      challengeId: ch.body.challengeId,
      certificate: cert.certificatePem,
      signature: webCryptoSign(cert, Buffer.from(ch.body.challenge, 'base64'), 'ECDSA-P256-SHA256'),
      algorithm: 'ECDSA-P256-SHA256',
    };
  };
  const before = await attempt(h.client(), personal);
  assert.equal(before.reply.status, 401);

  const bad = await signBody(accountant, personal);
  const wrongSig = await accountant.post('/api/me/certificates', {
    ...bad,
    signature: Buffer.alloc(64).toString('base64'),
  });
  assert.equal(wrongSig.status, 401);
  const bound = await accountant.post('/api/me/certificates', await signBody(accountant, personal));
  assert.equal(bound.status, 201, JSON.stringify(bound.body));
  assert.match(bound.body.subject, /500100732259/);
  const list = await accountant.get('/api/me/certificates');
  assert.deepEqual(
    list.body.certificates.map((c: { id: string }) => c.id),
    [bound.body.id],
  );

  const taken = await owner.post('/api/me/certificates', await signBody(owner, personal));
  assert.equal(taken.status, 409);
  assert.equal((await owner.request('DELETE', `/api/me/certificates/${bound.body.id}`)).status, 404);

  const signIn = await attempt(h.client(), personal);
  assert.equal(signIn.reply.status, 200);
  assert.equal(signIn.reply.body.user.email, 'bound@example.ru');

  assert.equal((await accountant.request('DELETE', `/api/me/certificates/${bound.body.id}`)).status, 204);
  assert.equal((await attempt(h.client(), personal)).reply.status, 401);
  const types = (await accountant.get('/api/me/security-events')).body.events.map(
    (e: { type: string }) => e.type,
  );
  assert.ok(types.includes('certificate_bound') && types.includes('certificate_unbound'));
});
