import { apiRoutes, devMailResponseSchema } from '@openofd/contract';
import { useQuery } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';

export function getDevMail(to?: string) {
  return http.get(apiRoutes.devMail, { query: { to }, response: devMailResponseSchema });
}

/** Polls: letters arrive while the page is open. */
export function useDevMail(to: string) {
  return useQuery({
    queryKey: ['dev-mail', to],
    queryFn: () => getDevMail(to || undefined),
    refetchInterval: 3000,
  });
}
