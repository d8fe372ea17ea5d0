export { apiKeyRoutes } from './api-keys.routes.js';
export { resolveApiKey } from './api-keys.service.js';
export { authRoutes } from './auth.routes.js';
export { purgeSignInLeftovers, startSignInCleanupJob } from './cleanup-job.js';
export { hashPassword } from './passwords.js';
export { resolveSession } from './sessions.service.js';
export { userRoutes } from './users.routes.js';
export { unitByCode, unitIdsByCode, unitsByIds, usersByIds, type UnitRow } from './users.service.js';
export { createDemoLogins, createStaffRecords, officeCode, seedUnits, type DemoLogin } from './seed.js';
