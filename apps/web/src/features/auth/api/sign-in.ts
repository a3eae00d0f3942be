import { apiRoutes, meSchema, type SignInRequest } from '@openofd/contract';
import { useMutation } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';
import { useSetMe } from '../../../shared/session/use-me';

export function signIn(body: SignInRequest) {
  return http.post(apiRoutes.signIn, body, { response: meSchema });
}

export function useSignIn() {
  const setMe = useSetMe();
  return useMutation({ mutationFn: signIn, onSuccess: setMe });
}
