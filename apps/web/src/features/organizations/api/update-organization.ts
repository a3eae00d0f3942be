import { apiPath, apiRoutes, type OrganizationDetailsRequest, organizationSchema } from '@openofd/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';
import { meQueryKey } from '../../../shared/session/use-me';
import { organizationKeys } from './keys';

export function updateOrganization(organizationId: string, body: OrganizationDetailsRequest) {
  return http.put(apiPath(apiRoutes.organization, { organizationId }), body, {
    response: organizationSchema,
  });
}

export function useUpdateOrganization(organizationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationDetailsRequest) => updateOrganization(organizationId, body),
    onSuccess: (org) => {
      qc.setQueryData(organizationKeys.one(org.id), org);
      // The name and INN also show in the switcher (Me) and in the list.
      void qc.invalidateQueries({ queryKey: organizationKeys.all, exact: true });
      void qc.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
