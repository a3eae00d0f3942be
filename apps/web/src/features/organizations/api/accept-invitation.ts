import { type AcceptInvitationRequest, apiRoutes, meSchema } from '@openofd/contract';
import { useMutation } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';
import { useSetMe } from '../../../shared/session/use-me';

/** Signed in as the invited address: join the organization. */
export function acceptInvitation(body: AcceptInvitationRequest) {
  return http.post(apiRoutes.acceptInvitation, body, { response: meSchema });
}

export function useAcceptInvitation() {
  const setMe = useSetMe();
  return useMutation({ mutationFn: acceptInvitation, onSuccess: setMe });
}
