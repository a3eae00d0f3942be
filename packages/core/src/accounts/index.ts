// Public surface of the accounts domain (accounts, organizations, mail, SMS, certificates).

export {
  type IssuedCertificate,
  initTestCa,
  issueTestCertificate,
  type TestCa,
} from '../certificates/test-ca.js';
export { loadTrustedCas } from '../certificates/trust-store.js';
export type { SignatureAlgorithm } from '../certificates/verify-signed-challenge.js';
export { type CertificateFiles, writeCertificateFiles } from '../certificates/write-certificate-files.js';
export { parseCertificate, subjectIdentity } from '../certificates/x509.js';
export { type DevMailSink, startDevMailSink } from '../mail/dev-mail-sink.js';
export { type DevMessageView, listDevMessages } from '../mail/dev-mailbox.js';
export { createSmtpMailer, type Letter, type Mailer } from '../mail/mailer.js';
export { acceptInvitation } from '../organizations/accept-invitation.js';
export { acceptInvitationNew } from '../organizations/accept-invitation-new.js';
export { authorize, ORGANIZATION_NOT_FOUND } from '../organizations/authorize.js';
export { createOrganization } from '../organizations/create-organization.js';
export { getInvitation } from '../organizations/get-invitation.js';
export { getOrganization } from '../organizations/get-organization.js';
export { inviteMember } from '../organizations/invite-member.js';
export {
  type AccessibleOrganization,
  listAccessibleOrganizations,
} from '../organizations/list-accessible-organizations.js';
export { listMembers } from '../organizations/list-members.js';
export { listMemberships, type MembershipView } from '../organizations/list-memberships.js';
export {
  can,
  isRole,
  PERMISSIONS,
  type Permission,
  ROLES,
  type Role,
  rolePermissions,
} from '../organizations/permissions.js';
export { memberships, type OrganizationRow, organizations } from '../organizations/tables.js';
export { updateOrganization } from '../organizations/update-organization.js';
export type { OrganizationDetails } from '../organizations/validate-details.js';
export { createDevSms, createHttpSms, type SmsSender } from '../sms/sms-sender.js';
export {
  type BoundCertificate,
  bindCertificate,
  listCertificates,
  unbindCertificate,
} from './bind-certificate.js';
export { changePassword } from './change-password.js';
export { confirmEmail } from './confirm-email.js';
export { confirmEmailChange } from './confirm-email-change.js';
export { type AccountsDeps, noMeta, policy, type RequestMeta } from './context.js';
export { createCertificateChallenge } from './create-certificate-challenge.js';
export { type DemoAccount, ensureDemoAccount } from './ensure-demo-account.js';
export type { AccountErrorReason } from './errors.js';
export { getMe, type MeView } from './get-me.js';
export { listSecurityEvents, type SecurityEventView } from './list-security-events.js';
export { requestEmailChange } from './request-email-change.js';
export { requestPasswordReset } from './request-password-reset.js';
export { requestRecoveryCode } from './request-recovery-code.js';
export { resendConfirmation } from './resend-confirmation.js';
export { resetPassword } from './reset-password.js';
export { createSession, resolveSession, type SessionInfo } from './sessions.js';
export { signIn } from './sign-in.js';
export { signInWithCertificate } from './sign-in-with-certificate.js';
export { signOut } from './sign-out.js';
export { signUp } from './sign-up.js';
export { updateProfile } from './update-profile.js';
export { verifyRecoveryCode } from './verify-recovery-code.js';
