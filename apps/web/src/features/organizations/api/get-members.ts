import { apiPath, apiRoutes, membersResponseSchema } from '@openofd/contract';
import { useQuery } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';
import { organizationKeys } from './keys';

export function getMembers(organizationId: string) {
  return http.get(apiPath(apiRoutes.members, { organizationId }), { response: membersResponseSchema });
}

export function useMembers(organizationId: string) {
  return useQuery({
    queryKey: organizationKeys.members(organizationId),
    queryFn: () => getMembers(organizationId),
  });
}
