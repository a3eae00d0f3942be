export { CATALOGUES, type CatalogueItem, type DemandPattern } from './catalogue.js';
export { ConnectRamp, DEFAULT_MAX_PENDING_CONNECTS } from './connect-ramp.js';
export { dailyDemand, planDay } from './demand.js';
export { type AckOutcome, EmulatedFiscalDrive, type PendingDocument } from './fiscal-drive.js';
export { createFleet, type Fleet, type FleetOptions, runEmulator } from './fleet.js';
export { organizationInn, personalInn } from './identity.js';
export type { OpenSocket } from './link.js';
export {
  type Cashier,
  DEMO_ORGANIZATIONS,
  DEMO_REGISTER_COUNT,
  DEMO_REGISTERS,
  type DemoOrganization,
  type RegisterProfile,
  registerProfile,
} from './organizations.js';
export { type ClockMode, EmulatedRegister, type RegisterOptions, type ResumePoint } from './register.js';
export type { EmulatorSummary } from './stats.js';
export { startDemoStream } from './stream.js';
