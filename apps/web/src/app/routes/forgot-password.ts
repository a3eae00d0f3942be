export { ForgotPasswordPage as default } from '../../features/password-recovery/components/forgot-password-page';
