// The hand-off desk: agents, their sessions, the queue and its commands. It listens for queue changes and sends
// every agent's queue view.
import fp from 'fastify-plugin';
import { createAgentAuth, createAgentDirectory, createDesk, type AgentAuth, type AgentDirectory, type Desk } from '../handoff/index.js';
import { sendQueueUpdates } from '../realtime/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    desk: Desk;
    agentDirectory: AgentDirectory;
    agentAuth: AgentAuth;
  }
}

export default fp(
  async (app) => {
    const { config, clock } = app;
    const directory = createAgentDirectory({ store: app.store, dataDir: config.DATA_DIR });
    // With a shared store, DATA_DIR/agents.json is an import path: its agents join the directory every node reads.
    const imported = config.REDIS_URL ? await directory.importFile() : 0;
    if (imported) app.log.info({ imported }, 'agents from DATA_DIR/agents.json added to the shared directory');
    const desk = createDesk({
      store: app.store,
      knowledge: app.knowledge,
      presence: app.presence,
      withConversationLock: app.withConversationLock,
      publisher: app.publisher,
      logger: app.log,
      now: clock,
      graceSeconds: config.AGENT_GRACE_SECONDS,
      metrics: app.metrics,
      cluster: app.cluster,
      agentsOnline: app.agentsOnline,
      directory,
    });
    app.publisher.onQueueChanged(sendQueueUpdates(app.cluster, desk));
    app.decorate('desk', desk);
    app.decorate('agentDirectory', directory);
    app.decorate('agentAuth', createAgentAuth({ store: app.store, directory, sessionHours: config.AGENT_SESSION_HOURS, now: clock }));
    app.addHook('onClose', async () => desk.close());
  },
  { name: 'desk', dependencies: ['store', 'knowledge', 'realtime', 'metrics'] },
);
