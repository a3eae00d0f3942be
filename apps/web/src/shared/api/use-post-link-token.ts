import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The `token` of the link from a letter (`''` when the link has none), handed
 * to `post` once as soon as the landing page opens. Such a token is single-use:
 * never post it twice (StrictMode runs effects twice in development).
 * `post` must be stable across renders, as a mutation's `mutate` is.
 */
export function usePostLinkToken(post: (body: { token: string }) => void): string {
  const token = useSearchParams()[0].get('token') ?? '';
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    post({ token });
  }, [token, post]);
  return token;
}
