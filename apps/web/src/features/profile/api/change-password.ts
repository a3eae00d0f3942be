import { apiRoutes, type ChangePasswordRequest, okSchema } from '@openofd/contract';
import { useMutation } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';

/** Other sessions of the account end; this one stays. */
export function changePassword(body: ChangePasswordRequest) {
  return http.post(apiRoutes.changePassword, body, { response: okSchema });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
