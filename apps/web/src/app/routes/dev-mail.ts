export { DevMailPage as default } from '../../features/dev-mail/components/dev-mail-page';
