// Order care: order events from the store's webhooks become messages to the customer, now or as follow-ups.
import fp from 'fastify-plugin';
import { createOrderCare, type OrderCare } from '../care/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    care: OrderCare;
  }
}

export default fp(
  async (app) => {
    const care = createOrderCare({
      store: app.store,
      knowledge: app.knowledge,
      conversations: app.conversations,
      followUpDays: app.config.FOLLOW_UP_DAYS,
      now: app.clock,
      logger: app.log,
    });
    app.decorate('care', care);
  },
  { name: 'care', dependencies: ['store', 'knowledge', 'conversations'] },
);
