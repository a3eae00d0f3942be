import { apiRoutes, meSchema, type UpdateProfileRequest } from '@openofd/contract';
import { useMutation } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';
import { useSetMe } from '../../../shared/session/use-me';

export function updateProfile(body: UpdateProfileRequest) {
  return http.patch(apiRoutes.profile, body, { response: meSchema });
}

export function useUpdateProfile() {
  const setMe = useSetMe();
  return useMutation({ mutationFn: updateProfile, onSuccess: setMe });
}
