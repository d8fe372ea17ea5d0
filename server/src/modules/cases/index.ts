export { caseRoutes } from './cases.routes.js';
export { caseReferenceRoutes } from './reference.routes.js';
export { photoRoutes } from './files.routes.js';
export { seedCaseReference } from './categories.service.js';
export { reportCase } from './intake.service.js';
export { applyAction } from './actions.service.js';
export { scanDeadlines, startDeadlineJob } from './deadline-job.js';
export { seedDemoCases } from './demo-cases.js';
export { casesOfPerson, linkCaseParty } from './parties.service.js';
