export { SignOutPage as default } from '../../features/auth/components/sign-out-page';
