import { Center, Loader } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { useSignOut } from '../api/sign-out';

/**
 * «Выход» navigates here. Ending the session on a page outside the route
 * guards means no guard reacts to the vanishing user (which would remember
 * the page to come back to, as it does when a session expires).
 */
export function SignOutPage() {
  const signOut = useSignOut();
  const navigate = useNavigate();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) });
  }, [signOut, navigate]);
  return (
    <Center mih="100dvh">
      <Loader aria-label="Выход из кабинета" />
    </Center>
  );
}
