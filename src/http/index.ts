// The http module's public face.
export { startMetricsServer } from './metrics.js';
