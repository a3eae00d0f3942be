import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { GuestOnly, RequireAuth, RouteLoading } from './guards';
import { NotFoundPage } from './not-found-page';

// Each page is its own chunk (route `lazy`), so the sign-in page does not
// download pkijs and the cabinet does not download the sign-up form.
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export function createAppRouter() {
  return createBrowserRouter([{ HydrateFallback: RouteLoading, children: routes() }]);
}

function routes(): RouteObject[] {
  return [
    { path: '/', element: <Navigate to="/profile" replace /> },
    {
      element: <GuestOnly />,
      children: [
        { path: '/sign-in', lazy: page(() => import('./routes/sign-in')) },
        { path: '/sign-in/certificate', lazy: page(() => import('./routes/certificate-sign-in')) },
        { path: '/sign-up', lazy: page(() => import('./routes/sign-up')) },
        { path: '/forgot-password', lazy: page(() => import('./routes/forgot-password')) },
      ],
    },
    { path: '/sign-out', lazy: page(() => import('./routes/sign-out')) },
    { path: '/sign-up/check-email', lazy: page(() => import('./routes/check-email')) },
    { path: '/confirm-email', lazy: page(() => import('./routes/confirm-email')) },
    { path: '/reset-password', lazy: page(() => import('./routes/reset-password')) },
    { path: '/confirm-email-change', lazy: page(() => import('./routes/confirm-email-change')) },
    { path: '/invitation', lazy: page(() => import('./routes/invitation')) },
    { path: '/dev/mail', lazy: page(() => import('./routes/dev-mail')) },
    {
      element: <RequireAuth />,
      children: [
        {
          lazy: page(() => import('./layout/cabinet-layout')),
          children: [
            { path: '/profile', lazy: page(() => import('./routes/profile')) },
            { path: '/organizations', lazy: page(() => import('./routes/organizations')) },
            { path: '/security', lazy: page(() => import('./routes/security')) },
          ],
        },
      ],
    },
    { path: '*', element: <NotFoundPage /> },
  ];
}
