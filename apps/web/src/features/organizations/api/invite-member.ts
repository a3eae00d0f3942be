import { apiPath, apiRoutes, type InviteMemberRequest, invitationSchema } from '@openofd/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';
import { organizationKeys } from './keys';

export function inviteMember(organizationId: string, body: InviteMemberRequest) {
  return http.post(apiPath(apiRoutes.invitations, { organizationId }), body, { response: invitationSchema });
}

export function useInviteMember(organizationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteMemberRequest) => inviteMember(organizationId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: organizationKeys.members(organizationId) }),
  });
}
