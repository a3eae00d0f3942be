import { apiRoutes, type CertificateAlgorithm, meSchema } from '@openofd/contract';
import { useMutation } from '@tanstack/react-query';
import { http } from '../../../shared/api/http';
import { useSetMe } from '../../../shared/session/use-me';
import type { KeyAlgorithm } from '../crypto/certificate-info';
import { type SigningCredentials, signChallenge } from '../crypto/load-credentials';
import { decodeBase64, encodeBase64 } from '../crypto/pem';
import { getCertificateChallenge } from './get-certificate-challenge';

const WIRE_ALGORITHM: Record<KeyAlgorithm, CertificateAlgorithm> = {
  'ecdsa-p256': 'ECDSA-P256-SHA256',
  rsa: 'RSASSA-PKCS1-v1_5-SHA256',
};

/** Challenge → signature made here with the non-extractable key → certificate and signature to the API. */
export async function signInWithCertificate(creds: SigningCredentials) {
  const { challengeId, challenge } = await getCertificateChallenge();
  const signature = await signChallenge(creds, decodeBase64(challenge));
  return http.post(
    apiRoutes.certificateSignIn,
    {
      challengeId,
      certificate: encodeBase64(creds.certificate.der),
      signature: encodeBase64(signature),
      algorithm: WIRE_ALGORITHM[creds.certificate.keyAlgorithm],
    },
    { response: meSchema },
  );
}

export function useSignInWithCertificate() {
  const setMe = useSetMe();
  return useMutation({ mutationFn: signInWithCertificate, onSuccess: setMe });
}
