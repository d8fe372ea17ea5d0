export { countAllChangedCases, countChangedCases, rebuildStats, recountStats, storedStats } from './rollup.js';
export { metricDefinitions, metricNames, type MetricName, type Metrics } from './metrics.js';
export { bucketsOf, previousPeriod, type Bucket } from './periods.js';
export { statsRoutes } from './stats.routes.js';
export { liveFigures, statsFigures, type Breakdown, type FigureRow, type FiguresQuery } from './figures.service.js';
