export { InvitationPage as default } from '../../features/organizations/components/invitation-page';
