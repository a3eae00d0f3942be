export { CheckEmailPage as default } from '../../features/auth/components/check-email-page';
