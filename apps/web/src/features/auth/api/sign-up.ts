import { apiRoutes, type SignUpRequest, signUpResponseSchema } from '@openofd/contract';
import { useMutation } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';

export function signUp(body: SignUpRequest) {
  return http.post(apiRoutes.signUp, body, { response: signUpResponseSchema });
}

export function useSignUp() {
  return useMutation({ mutationFn: signUp });
}
