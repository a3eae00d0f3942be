import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createQueryClient } from '../shared/api/query-client';
import { CurrentOrganizationProvider } from '../shared/session/current-organization';
import { createAppRouter } from './router';
import { theme } from './theme';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <CurrentOrganizationProvider>
          <RouterProvider router={router} />
        </CurrentOrganizationProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
