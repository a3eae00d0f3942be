import {
  Alert,
  Anchor,
  Badge,
  Box,
  Card,
  Container,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type DevMessage, webLinks } from '@openofd/contract';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../shared/forms/apply-api-error';
import { PageTitle } from '../../../shared/ui/page-title';
import { useDevMail } from '../api/get-dev-mail';

const CABINET_PATHS = new Set<string>(Object.values(webLinks));

/**
 * Links to the cabinet open on this origin, whatever public URL the letter was
 * written with; anything but http(s) is not made clickable (the sink accepts any letter).
 */
function localHref(link: string): string | undefined {
  try {
    const url = new URL(link, window.location.origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return CABINET_PATHS.has(url.pathname) ? `${url.pathname}${url.search}` : url.href;
  } catch {
    return undefined;
  }
}

export function DevMailPage() {
  const [to, setTo] = useState('');
  const [debounced] = useDebouncedValue(to.trim(), 300);
  const mail = useDevMail(debounced);
  return (
    <Box bg="gray.0" mih="100dvh" py="lg" component="main">
      <Container size="md">
        <Group justify="space-between" align="baseline">
          <PageTitle>Почтовый ящик разработчика</PageTitle>
          <Anchor component={Link} to="/">
            В кабинет
          </Anchor>
        </Group>
        <Text c="dimmed" mb="md">
          Демо-режим: SMTP не настроен, поэтому письма и SMS не уходят наружу, а собираются здесь.
        </Text>
        <TextInput
          label="Кому"
          placeholder="e-mail или телефон +79…"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          mb="md"
        />
        {mail.isPending && <Loader aria-label="Загрузка писем" />}
        {mail.isError && <Alert color="red">{errorMessage(mail.error)}</Alert>}
        {mail.isSuccess && mail.data.messages.length === 0 && <Text c="dimmed">Писем и SMS пока нет.</Text>}
        <Stack>
          {mail.data?.messages.map((m) => (
            <MessageCard key={m.id} message={m} />
          ))}
        </Stack>
      </Container>
    </Box>
  );
}

function MessageCard({ message: m }: { message: DevMessage }) {
  return (
    <Card
      withBorder
      radius="md"
      component="article"
      data-testid="dev-message"
      aria-label={m.subject ?? `SMS для ${m.to}`}
    >
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          <Badge color={m.kind === 'sms' ? 'grape' : 'blue'} variant="light">
            {m.kind === 'sms' ? 'SMS' : 'Письмо'}
          </Badge>
          <Text fw={600}>{m.to}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {new Date(m.receivedAt).toLocaleString('ru-RU')}
        </Text>
      </Group>
      {m.subject && (
        <Text fw={600} mb={4}>
          {m.subject}
        </Text>
      )}
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {m.text}
      </Text>
      {m.links.length > 0 && (
        <Stack gap={2} mt="xs">
          {m.links.map((l) => {
            const href = localHref(l);
            return href ? (
              <Anchor key={l} href={href} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {l}
              </Anchor>
            ) : (
              <Text key={l} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {l}
              </Text>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
