import { Alert, Center, Loader } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorMessage } from '../shared/forms/apply-api-error';
import { useMe } from '../shared/session/use-me';

export function RouteLoading() {
  return (
    <Center mih="100dvh">
      <Loader aria-label="Загрузка" />
    </Center>
  );
}

/** Cabinet pages: without a session, go to sign-in and come back afterwards. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <RouteLoading />;
  if (me.isError)
    return (
      <Center mih="100dvh" p="md">
        <Alert color="red" role="alert" title="Кабинет недоступен">
          {errorMessage(me.error)}
        </Alert>
      </Center>
    );
  if (!me.data)
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

/** Sign-in and sign-up pages: a signed-in user goes straight to the cabinet. */
export function GuestOnly() {
  const me = useMe();
  const from = (useLocation().state as { from?: string } | null)?.from;
  if (me.isPending) return <RouteLoading />;
  if (me.data) return <Navigate to={from ?? '/profile'} replace />;
  return <Outlet />;
}
