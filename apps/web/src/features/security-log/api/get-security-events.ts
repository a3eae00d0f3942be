import { apiRoutes, securityEventsResponseSchema } from '@openofd/contract';
import { useQuery } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';

export function getSecurityEvents(limit = 100) {
  return http.get(apiRoutes.securityEvents, { query: { limit }, response: securityEventsResponseSchema });
}

export function useSecurityEvents() {
  return useQuery({ queryKey: ['security-events'], queryFn: () => getSecurityEvents() });
}
