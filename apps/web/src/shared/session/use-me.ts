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

/**
 * After sign-in/out the answer already is the new Me: store it instead of
 * refetching. A different person (or nobody) must not see what was cached
 * for the previous one, so everything else is dropped then.
 */
export function useSetMe() {
  const qc = useQueryClient();
  return (me: Me | null) => {
    const previous = qc.getQueryData<Me | null>(meQueryKey);
    if (me === null || previous?.user.id !== me.user.id) {
      // Keep the Me query itself: mounted components observe it and hear the update.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    }
    qc.setQueryData(meQueryKey, me);
  };
}
