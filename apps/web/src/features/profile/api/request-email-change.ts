import { apiRoutes, okSchema, type RequestEmailChangeRequest } from '@openofd/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';
import { meQueryKey } from '../../../shared/session/use-me';

export function requestEmailChange(body: RequestEmailChangeRequest) {
  return http.post(apiRoutes.emailChange, body, { response: okSchema });
}

export function useRequestEmailChange() {
  const qc = useQueryClient();
  // Me carries pendingEmail: refetch it to show the address waiting for confirmation.
  return useMutation({
    mutationFn: requestEmailChange,
    onSuccess: () => qc.invalidateQueries({ queryKey: meQueryKey }),
  });
}
