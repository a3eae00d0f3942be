import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../session/use-me';
import { ApiError } from './api-error';

export function createQueryClient(): QueryClient {
  // A request answered "not signed in" means the session ended (expired, or
  // ended by a password reset elsewhere): forget the user, and the route
  // guard sends them to sign-in, coming back afterwards.
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'unauthorized') client.setQueryData(meQueryKey, null);
  };
  const client = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (401, 404 …) will not heal by retrying.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
