// Small pieces every module uses: the error hierarchy, the injected clock, the socket protocol's types, text patterns,
// personal-data masking and signatures. The browser bundles import shared/protocol.ts directly.
export * from './business-hours.js';
export * from './clock.js';
export * from './errors.js';
export * from './header-line.js';
export * from './intl.js';
export * from './json-file.js';
export * from './memo.js';
export type * from './logger.js';
export * from './patterns.js';
export * from './privacy.js';
export * from './regions.js';
export type * from './protocol.js';
export { byQueueOrder } from './queue-order.js';
export * from './signatures.js';
export * from './text.js';
