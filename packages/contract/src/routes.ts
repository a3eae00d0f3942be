/** API route paths (Fastify syntax for parameters). */
export const apiRoutes = {
  health: '/healthz',
  openapiJson: '/api/openapi.json',
  docs: '/api/docs',
  csrf: '/api/csrf',

  signUp: '/api/auth/sign-up',
  confirmEmail: '/api/auth/confirm-email',
  resendConfirmation: '/api/auth/resend-confirmation',
  signIn: '/api/auth/sign-in',
  signOut: '/api/auth/sign-out',
  recoverByEmail: '/api/auth/recovery/email',
  recoverByPhone: '/api/auth/recovery/phone',
  verifyRecoveryCode: '/api/auth/recovery/phone/verify',
  resetPassword: '/api/auth/recovery/reset',
  certificateChallenge: '/api/auth/certificate/challenge',
  certificateSignIn: '/api/auth/certificate/sign-in',

  me: '/api/me',
  profile: '/api/me/profile',
  emailChange: '/api/me/email-change',
  confirmEmailChange: '/api/me/email-change/confirm',
  changePassword: '/api/me/password',
  securityEvents: '/api/me/security-events',
  certificates: '/api/me/certificates',
  certificate: '/api/me/certificates/:certificateId',

  organizations: '/api/organizations',
  organization: '/api/organizations/:organizationId',
  members: '/api/organizations/:organizationId/members',
  invitations: '/api/organizations/:organizationId/invitations',
  invitationInfo: '/api/invitations/:token',
  acceptInvitation: '/api/invitations/accept',
  acceptInvitationNew: '/api/invitations/accept-new',

  devMail: '/api/dev/mail',
} as const;
export type ApiRoute = (typeof apiRoutes)[keyof typeof apiRoutes];

/** Fills `:name` parameters: `apiPath(apiRoutes.organization, { organizationId })`. */
export function apiPath(route: string, params: Record<string, string>): string {
  return route.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`apiPath: missing parameter ${name} for ${route}`);
    return encodeURIComponent(value);
  });
}

/**
 * Pages of the web app that letters link to (`OFD_PUBLIC_URL` + path +
 * `?token=…`). Each page posts the token to the matching endpoint.
 */
export const webLinks = {
  /** → POST confirmEmail */
  confirmEmail: '/confirm-email',
  /** → POST resetPassword (with the new password) */
  resetPassword: '/reset-password',
  /** → POST confirmEmailChange */
  confirmEmailChange: '/confirm-email-change',
  /** → GET invitationInfo, then POST acceptInvitation or acceptInvitationNew */
  invitation: '/invitation',
} as const;

/** Cookies the API sets. */
export const cookies = {
  /** httpOnly, SameSite=Lax, Path=/ — the session; the web app never reads it. */
  session: 'ofd_session',
  /** readable, SameSite=Lax, Path=/ — echo it in the X-CSRF-Token header. */
  csrf: 'ofd_csrf',
} as const;

/** Header that must carry the `ofd_csrf` cookie's value on POST/PUT/PATCH/DELETE. */
export const CSRF_HEADER = 'x-csrf-token';
