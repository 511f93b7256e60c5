// The observability module's public face.
export { loggerOptions } from './logger.js';
export { createMetrics, type Metrics } from './metrics.js';
