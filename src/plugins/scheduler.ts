// Jobs kept in the store and run when due, on whichever node takes them: order care's events and follow-ups.
import fp from 'fastify-plugin';
import { createScheduler, type Scheduler } from '../scheduler/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    scheduler: Scheduler;
  }
}

export default fp(
  async (app) => {
    const scheduler = createScheduler({
      store: app.store,
      handlers: app.care.handlers,
      intervalMs: app.config.SCHEDULER_INTERVAL_SECONDS * 1000,
      now: app.clock,
      logger: app.log,
    });
    app.care.onJobDue(() => scheduler.poke());
    app.decorate('scheduler', scheduler);
    // Jobs being run finish before the store closes.
    app.addHook('preClose', () => scheduler.close());
  },
  { name: 'scheduler', dependencies: ['store', 'care'] },
);
