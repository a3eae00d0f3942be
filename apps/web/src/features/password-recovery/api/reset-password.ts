import { apiRoutes, okSchema, type ResetPasswordRequest } from '@openofd/contract';
import { useMutation } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';
import { useSetMe } from '../../../shared/session/use-me';

export function resetPassword(body: ResetPasswordRequest) {
  return http.post(apiRoutes.resetPassword, body, { response: okSchema });
}

/** Every session of the account ends, this one included. */
export function useResetPassword() {
  const setMe = useSetMe();
  return useMutation({ mutationFn: resetPassword, onSuccess: () => setMe(null) });
}
