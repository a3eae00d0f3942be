import { Anchor, Box, Center, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useDevMailAvailable } from '../dev/use-dev-mail-available';
import { PageTitle } from './page-title';

/** The frame of the pages before sign-in: logo, a card with the form, links below. */
export function AuthCard({
  title,
  children,
  footer,
}: {
  title: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const devMail = useDevMailAvailable();
  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Box w="100%" maw={440}>
        <Text fw={700} size="xl" c="blue.8" ta="center" mb="md">
          OpenOFD
        </Text>
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }} component="main">
          <PageTitle>{title}</PageTitle>
          {children}
        </Paper>
        {footer && (
          <Group justify="center" gap="md" mt="md">
            {footer}
          </Group>
        )}
        {devMail && (
          <Text size="sm" ta="center" mt="md" c="dimmed">
            Демо-режим: письма и SMS —{' '}
            <Anchor component={Link} to="/dev/mail">
              в почтовом ящике разработчика
            </Anchor>
          </Text>
        )}
      </Box>
    </Center>
  );
}
