import { apiRoutes, okSchema, type RecoverByEmailRequest } from '@openofd/contract';
import { useMutation } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';

export function recoverByEmail(body: RecoverByEmailRequest) {
  return http.post(apiRoutes.recoverByEmail, body, { response: okSchema });
}

export function useRecoverByEmail() {
  return useMutation({ mutationFn: recoverByEmail });
}
