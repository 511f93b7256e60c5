// The socket namespaces, /shopper (the widget) and /agent (the console), once every service they use is there.
import fp from 'fastify-plugin';
import { createLists, createProfiles } from '../inbox/index.js';
import { registerNamespaces } from '../realtime/index.js';
import { createAgentTranslation, createTranslator, type Translator } from '../translation/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The machine translator for agents, when one is configured. */
    translator: Translator | undefined;
  }
}

export default fp(
  async (app) => {
    const { store, knowledge, clock } = app;
    const translator = createTranslator(app.config);
    if (translator) app.log.info({ translator: translator.name }, 'agents get machine translations');
    app.decorate('translator', translator);
    const agentSockets = registerNamespaces(app.io, {
      service: app.conversations,
      store,
      config: app.config,
      app,
      desk: app.desk,
      presence: app.presence,
      auth: app.agentAuth,
      publisher: app.publisher,
      cluster: app.cluster,
      attachments: app.attachments,
      knowledge,
      lists: createLists({ store, now: clock, directory: app.agentDirectory }),
      profiles: createProfiles({ store, orders: app.orders, attachments: app.attachments }),
      translation: translator && createAgentTranslation(translator, () => knowledge.current()?.languages ?? []),
    });
    app.addHook('preClose', async () => agentSockets.close());
  },
  { name: 'sockets', dependencies: ['store', 'knowledge', 'orders', 'attachments', 'realtime', 'conversations', 'desk'] },
);
