export * from './codes.js';
export * from './geo.js';
export * from './auth.js';
export * from './regions.js';
export * from './grids.js';
export * from './accounts.js';
export * from './problem.js';
export * from './names.js';
