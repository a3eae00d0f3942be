import { apiRoutes, certificateChallengeResponseSchema } from '@openofd/contract';
import { http } from '../../../shared/api/http';

/** A fresh single-use challenge (32 random bytes, base64) to sign. */
export function getCertificateChallenge() {
  return http.post(apiRoutes.certificateChallenge, undefined, {
    response: certificateChallengeResponseSchema,
  });
}
