import { apiRoutes } from '@openofd/contract';
import { useMutation } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';
import { useSetMe } from '../../../shared/session/use-me';

export function signOut() {
  return http.post<void>(apiRoutes.signOut);
}

export function useSignOut() {
  const setMe = useSetMe();
  return useMutation({ mutationFn: signOut, onSettled: () => setMe(null) });
}
