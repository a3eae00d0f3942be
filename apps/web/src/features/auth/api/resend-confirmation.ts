import { apiRoutes, okSchema, type ResendConfirmationRequest } from '@openofd/contract';
import { useMutation } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';

export function resendConfirmation(body: ResendConfirmationRequest) {
  return http.post(apiRoutes.resendConfirmation, body, { response: okSchema });
}

export function useResendConfirmation() {
  return useMutation({ mutationFn: resendConfirmation });
}
