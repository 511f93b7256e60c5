// Where orders are looked up: the configured order system, else DATA_DIR/orders.json, else the demo store's orders.
import fp from 'fastify-plugin';
import { createOrderSource, type OrderSource } from '../orders/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    orders: OrderSource;
  }
}

export interface OrdersOptions {
  orderSource?: OrderSource;
}

export default fp<OrdersOptions>(
  async (app, options) => {
    const orders = options.orderSource ?? createOrderSource(app.config, app.log);
    app.decorate('orders', orders);
    app.addHook('onClose', async () => orders.close?.());
  },
  { name: 'orders' },
);
