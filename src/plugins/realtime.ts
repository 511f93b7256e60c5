// Socket.IO on the Fastify server, the publisher the services send through, and who is online (this node's agents
// at once, the cluster's as its view refreshes).
import fp from 'fastify-plugin';
import type { Server as SocketServer } from 'socket.io';
import { createPresence, type Presence } from '../handoff/index.js';
import { createClusterPresence, createPublisher, createSocketServer, type ClusterPresence } from '../realtime/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    io: SocketServer;
    cluster: ClusterPresence;
    publisher: ReturnType<typeof createPublisher>;
    /** The agents connected to this node. */
    presence: Presence;
    /** How many agents are online in the cluster. */
    agentsOnline: () => number;
  }
}

export default fp(
  async (app) => {
    const io = createSocketServer(app, app.config);
    const cluster = createClusterPresence(io, !!app.config.REDIS_URL);
    const presence = createPresence();
    app.decorate('io', io);
    app.decorate('cluster', cluster);
    app.decorate('publisher', createPublisher(io, app.attachments.withLinks, { clustered: !!app.config.REDIS_URL }));
    app.decorate('presence', presence);
    app.decorate('agentsOnline', () => Math.max(cluster.onlineCount(), presence.onlineAgents().length));
    // Sockets go first, so that closing the HTTP server does not wait on open websockets.
    app.addHook('preClose', async () => {
      cluster.close();
      io.local.disconnectSockets(true);
      io.engine.close();
    });
  },
  { name: 'realtime', dependencies: ['attachments'] },
);
