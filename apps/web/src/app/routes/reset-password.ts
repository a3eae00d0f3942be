export { ResetPasswordPage as default } from '../../features/password-recovery/components/reset-password-page';
