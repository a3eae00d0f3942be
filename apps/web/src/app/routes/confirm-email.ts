export { ConfirmEmailPage as default } from '../../features/auth/components/confirm-email-page';
