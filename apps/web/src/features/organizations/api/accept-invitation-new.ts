import { type AcceptInvitationNewRequest, apiRoutes, meSchema } from '@openofd/contract';
import { useMutation } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';
import { useSetMe } from '../../../shared/session/use-me';

/** No account yet: create it from the invitation and sign in. */
export function acceptInvitationNew(body: AcceptInvitationNewRequest) {
  return http.post(apiRoutes.acceptInvitationNew, body, { response: meSchema });
}

export function useAcceptInvitationNew() {
  const setMe = useSetMe();
  return useMutation({ mutationFn: acceptInvitationNew, onSuccess: setMe });
}
