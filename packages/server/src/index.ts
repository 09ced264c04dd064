export { type AppOptions, buildApp } from './app.js';
export { configFromEnv, type ServerConfig } from './config/server-config.js';
export {
  ensureSandboxOperator,
  type SandboxOperatorCredentials,
} from './operators/sandbox-operator.js';
export { createPlatform, type Platform } from './platform.js';
export { ensureSandboxProvider, type SandboxCredentials } from './providers/sandbox-provider.js';
export { type StartedSandbox, startSandbox } from './sandbox/start-sandbox.js';
export { createStorage, migrateDatabase } from './storage/index.js';
