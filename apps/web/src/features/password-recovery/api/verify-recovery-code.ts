import {
  apiRoutes,
  type VerifyRecoveryCodeRequest,
  verifyRecoveryCodeResponseSchema,
} from '@openofd/contract';
import { useMutation } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';

export function verifyRecoveryCode(body: VerifyRecoveryCodeRequest) {
  return http.post(apiRoutes.verifyRecoveryCode, body, { response: verifyRecoveryCodeResponseSchema });
}

export function useVerifyRecoveryCode() {
  return useMutation({ mutationFn: verifyRecoveryCode });
}
