export { SecurityLogPage as default } from '../../features/security-log/components/security-log-page';
