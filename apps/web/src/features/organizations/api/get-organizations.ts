import { apiRoutes, organizationListSchema } from '@openofd/contract';
import { useQuery } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';
import { organizationKeys } from './keys';

export function getOrganizations() {
  return http.get(apiRoutes.organizations, { response: organizationListSchema });
}

export function useOrganizations() {
  return useQuery({ queryKey: organizationKeys.all, queryFn: getOrganizations });
}
