// The HTTP side: defaults every answer gets, the route groups, and the metrics server of its own.
export { default as httpDefaults } from './defaults.js';
export { httpRoutes } from './routes.js';
export { startMetricsServer } from './metrics.js';
