import { apiRoutes, type OrganizationDetailsRequest, organizationSchema } from '@openofd/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';
import { meQueryKey } from '../../../shared/session/use-me';
import { organizationKeys } from './keys';

/** The caller becomes the new organization's owner. */
export function createOrganization(body: OrganizationDetailsRequest) {
  return http.post(apiRoutes.organizations, body, { response: organizationSchema });
}

export function useCreateOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createOrganization,
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: organizationKeys.all, exact: true }),
        qc.invalidateQueries({ queryKey: meQueryKey }),
      ]);
    },
  });
}
