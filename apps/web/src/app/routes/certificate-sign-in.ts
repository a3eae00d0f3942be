export { CertificateSignInPage as default } from '../../features/certificate-sign-in/components/certificate-sign-in-page';
