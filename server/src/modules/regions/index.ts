export { locatePoint, placeQuery, presentPlace, type PlaceRow } from './locate.js';
export { activeGridCodes } from './grids.service.js';
export { scopeExists, scopeName, ancestorCodes, regionAndGridNames, regionNames } from './regions.service.js';
export { gridRoutes } from './grids.routes.js';
export { regionRoutes } from './regions.routes.js';
export { demoCounty, isRegionDataSeeded, seedRegions } from './seed.js';
export { gridCodesByCommunity, seedGridStaff } from './staff-seed.js';
export { topDivision } from './top.js';
