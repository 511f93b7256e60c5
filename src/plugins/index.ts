// One Fastify plugin per capability: each decorates the app with its service, closes it, and names the plugins it
// needs. app.ts registers them in order; docs/architecture.md shows what each one starts.
export { default as attachmentsPlugin, type AttachmentsOptions } from './attachments.js';
export { default as carePlugin } from './care.js';
export { default as conversationsPlugin } from './conversations.js';
export { default as deskPlugin } from './desk.js';
export { default as knowledgePlugin, type KnowledgeOptions } from './knowledge.js';
export { default as metricsPlugin } from './metrics.js';
export { default as ordersPlugin, type OrdersOptions } from './orders.js';
export { default as privacyPlugin } from './privacy.js';
export { default as productsPlugin, type ProductsOptions } from './products.js';
export { default as realtimePlugin } from './realtime.js';
export { default as schedulerPlugin } from './scheduler.js';
export { default as socketsPlugin } from './sockets.js';
export { default as storePlugin, type StoreOptions } from './store.js';
