export { ConfirmEmailChangePage as default } from '../../features/profile/components/confirm-email-change-page';
