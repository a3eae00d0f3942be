import { apiRoutes, type ConfirmEmailRequest, confirmEmailResponseSchema } from '@openofd/contract';
import { useMutation } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';

export function confirmEmail(body: ConfirmEmailRequest) {
  return http.post(apiRoutes.confirmEmail, body, { response: confirmEmailResponseSchema });
}

export function useConfirmEmail() {
  return useMutation({ mutationFn: confirmEmail });
}
