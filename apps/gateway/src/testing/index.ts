// Test helpers shared with the composition root's end-to-end tests.

export { createDataEnv, type DataEnv } from './data-env.js';
export { exited, freePort, spawnGateway } from './gateway-process.js';
export { RegisterClient, type RegisterClientOptions } from './register-client.js';
