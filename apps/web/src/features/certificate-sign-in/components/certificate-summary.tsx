import { Paper, Text } from '@mantine/core';
import type { CertificateInfo } from '../crypto/certificate-info';

const date = (d: Date) => d.toLocaleDateString('ru-RU');

export function CertificateSummary({ info }: { info: CertificateInfo }) {
  const expired = info.notAfter.getTime() < Date.now();
  return (
    <Paper withBorder p="sm" radius="sm" bg="gray.0" aria-label="Выбранный сертификат">
      <Text fw={600}>{info.commonName || info.organization || 'Сертификат без имени'}</Text>
      {info.inn && <Text size="sm">ИНН {info.inn}</Text>}
      {info.ogrn && <Text size="sm">ОГРН {info.ogrn}</Text>}
      <Text size="sm" c={expired ? 'red' : 'dimmed'}>
        Действует с {date(info.notBefore)} по {date(info.notAfter)}
        {expired ? ' — срок истёк' : ''}
      </Text>
    </Paper>
  );
}
