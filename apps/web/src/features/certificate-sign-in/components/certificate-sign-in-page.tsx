import { Anchor, Button, FileInput, PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage, focusFirstInvalid } from '../../../shared/forms/apply-api-error';
import { useCurrentOrganization } from '../../../shared/session/current-organization';
import { AuthCard } from '../../../shared/ui/auth-card';
import { FormError } from '../../../shared/ui/form-error';
import { useSignInWithCertificate } from '../api/sign-in-with-certificate';
import { CertificateError } from '../crypto/certificate-error';
import {
  credentialsFromPem,
  credentialsFromPkcs12,
  type SigningCredentials,
} from '../crypto/load-credentials';
import { CertificateSummary } from './certificate-summary';

type Mode = 'pkcs12' | 'pem';
type FieldErrors = Partial<Record<'container' | 'certificate' | 'key' | 'password', string>>;

const bytesOf = async (f: File) => new Uint8Array(await f.arrayBuffer());

export function CertificateSignInPage() {
  const navigate = useNavigate();
  const signIn = useSignInWithCertificate();
  const { select } = useCurrentOrganization();
  const [mode, setMode] = useState<Mode>('pkcs12');
  const [container, setContainer] = useState<File | null>(null);
  const [certificate, setCertificate] = useState<File | null>(null);
  const [key, setKey] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [loaded, setLoaded] = useState<SigningCredentials>();
  const [busy, setBusy] = useState(false);

  async function openCredentials(): Promise<SigningCredentials | undefined> {
    const missing: FieldErrors = {};
    if (mode === 'pkcs12' && !container) missing.container = 'Выберите файл .p12 или .pfx';
    if (mode === 'pem' && !certificate) missing.certificate = 'Выберите файл сертификата';
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      focusFirstInvalid();
      return undefined;
    }
    try {
      return mode === 'pkcs12' && container
        ? await credentialsFromPkcs12(await bytesOf(container), password)
        : await credentialsFromPem(
            await bytesOf(certificate as File),
            key ? await bytesOf(key) : undefined,
            password,
          );
    } catch (e) {
      if (e instanceof CertificateError && /парол/i.test(e.message)) {
        setErrors({ password: e.message });
        focusFirstInvalid();
      } else setFormError(errorMessage(e));
      return undefined;
    }
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(undefined);
    setBusy(true);
    try {
      const creds = await openCredentials();
      if (!creds) return;
      setLoaded(creds);
      const me = await signIn.mutateAsync(creds);
      // Work in the organization the certificate was issued to.
      const org = me.organizations.find((o) => o.inn === creds.certificate.inn);
      if (org) select(org.id);
      navigate('/profile', { replace: true });
    } catch (e) {
      setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title="Вход по сертификату"
      footer={
        <Anchor component={Link} to="/sign-in">
          Вход по паролю
        </Anchor>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            Ключ электронной подписи не покидает ваш браузер: он подписывает одноразовый запрос сервера, а на
            сервер уходят только сертификат и подпись.
          </Text>
          <FormError message={formError} />
          <SegmentedControl
            aria-label="Формат файлов"
            fullWidth
            value={mode}
            onChange={(v) => {
              setMode(v as Mode);
              setErrors({});
            }}
            data={[
              { value: 'pkcs12', label: 'Файл .p12 / .pfx' },
              { value: 'pem', label: 'PEM-файлы' },
            ]}
          />
          {mode === 'pkcs12' ? (
            <FileInput
              label="Файл сертификата с ключом"
              placeholder="Выберите .p12 или .pfx"
              accept=".p12,.pfx,application/x-pkcs12"
              required
              clearable
              value={container}
              onChange={setContainer}
              error={errors.container}
              data-testid="pkcs12-file"
            />
          ) : (
            <>
              <FileInput
                label="Сертификат"
                placeholder="Выберите .pem, .crt или .cer"
                accept=".pem,.crt,.cer,.der"
                required
                clearable
                value={certificate}
                onChange={setCertificate}
                error={errors.certificate}
                data-testid="certificate-file"
              />
              <FileInput
                label="Закрытый ключ (PKCS#8)"
                placeholder="Выберите .pem или .key"
                description="Можно не выбирать, если ключ в одном файле с сертификатом"
                accept=".pem,.key"
                clearable
                value={key}
                onChange={setKey}
                error={errors.key}
                data-testid="key-file"
              />
            </>
          )}
          <PasswordInput
            label={mode === 'pkcs12' ? 'Пароль к файлу' : 'Пароль к ключу (если зашифрован)'}
            autoComplete="off"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
          />
          {loaded && <CertificateSummary info={loaded.certificate} />}
          <Button type="submit" loading={busy}>
            Подписать и войти
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
