import { apiRoutes, type RecoverByPhoneRequest, recoverByPhoneResponseSchema } from '@openofd/contract';
import { useMutation } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';

export function recoverByPhone(body: RecoverByPhoneRequest) {
  return http.post(apiRoutes.recoverByPhone, body, { response: recoverByPhoneResponseSchema });
}

export function useRecoverByPhone() {
  return useMutation({ mutationFn: recoverByPhone });
}
