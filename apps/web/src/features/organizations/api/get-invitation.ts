import { apiPath, apiRoutes, invitationInfoSchema } from '@openofd/contract';
import { useQuery } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';

export function getInvitation(token: string) {
  return http.get(apiPath(apiRoutes.invitationInfo, { token }), { response: invitationInfoSchema });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => getInvitation(token),
    enabled: Boolean(token),
  });
}
