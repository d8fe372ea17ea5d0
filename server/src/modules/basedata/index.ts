export { housingRoutes } from './housing.routes.js';
export { peopleRoutes } from './people.routes.js';
export { basedataReferenceRoutes } from './reference.routes.js';
export { reviewRoutes } from './review.routes.js';
export { importRoutes } from './imports.routes.js';
export { failInterruptedImports } from './imports.service.js';
export { importFromCommandLine } from './import-cli.js';
export { detectEncoding, type TextEncodingName } from './import/index.js';
