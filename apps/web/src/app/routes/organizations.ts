export { OrganizationsPage as default } from '../../features/organizations/components/organizations-page';
