import {
  apiRoutes,
  type ConfirmEmailChangeRequest,
  confirmEmailChangeResponseSchema,
} from '@openofd/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';
import { meQueryKey } from '../../../shared/session/use-me';

export function confirmEmailChange(body: ConfirmEmailChangeRequest) {
  return http.post(apiRoutes.confirmEmailChange, body, { response: confirmEmailChangeResponseSchema });
}

export function useConfirmEmailChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: confirmEmailChange,
    onSuccess: () => qc.invalidateQueries({ queryKey: meQueryKey }),
  });
}
