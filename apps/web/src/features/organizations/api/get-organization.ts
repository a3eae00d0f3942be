import { apiPath, apiRoutes, organizationSchema } from '@openofd/contract';
import { useQuery } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';
import { organizationKeys } from './keys';

export function getOrganization(organizationId: string) {
  return http.get(apiPath(apiRoutes.organization, { organizationId }), { response: organizationSchema });
}

export function useOrganization(organizationId: string | undefined) {
  return useQuery({
    queryKey: organizationKeys.one(organizationId ?? ''),
    queryFn: () => getOrganization(organizationId as string),
    enabled: Boolean(organizationId),
  });
}
