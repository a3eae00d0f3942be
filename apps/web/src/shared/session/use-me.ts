import { apiRoutes, type Me, meSchema } from '@openofd/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';
import { http } from '../api/http';

export const meQueryKey = ['me'] as const;

/** The signed-in user, or null when there is no session. */
export async function getMe(): Promise<Me | null> {
  try {
    return await http.get(apiRoutes.me, { response: meSchema });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });
}

/** After sign-in/out the answer already is the new Me: store it instead of refetching. */
export function useSetMe() {
  const qc = useQueryClient();
  return (me: Me | null) => {
    if (me === null) qc.clear();
    qc.setQueryData(meQueryKey, me);
  };
}
