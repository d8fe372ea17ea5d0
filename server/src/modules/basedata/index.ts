export { peopleRoutes } from './people.routes.js';
export { basedataReferenceRoutes } from './reference.routes.js';
