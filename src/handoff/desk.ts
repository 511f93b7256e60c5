// The agents' desk: the queue (queue-view.ts), what agents do with conversations (desk-commands.ts) and the grace
// an agent gets after disconnecting (reconnect-grace.ts), over one way of reading and writing a conversation
// (desk-records.ts). Every action is checked and written to the audit log.
import type { Knowledge } from '../knowledge/index.js';
import type { ConversationLock, Publisher } from '../conversations/index.js';
import type { Logger } from '../shared/index.js';
import type { Metrics } from '../observability/index.js';
import type { Store } from '../store/index.js';
import type { AgentDirectory } from './agents.js';
import { createDeskCommands } from './desk-commands.js';
import { createDeskRecords } from './desk-records.js';
import type { Presence } from './presence.js';
import { createQueueView } from './queue-view.js';
import { createReconnectGrace } from './reconnect-grace.js';

export interface DeskOptions {
  store: Store;
  knowledge: Knowledge;
  presence: Presence;
  withConversationLock: ConversationLock;
  publisher: Publisher;
  logger: Logger;
  now?: () => Date;
  /** Seconds an assigned agent may stay disconnected before the conversation goes back to the queue. */
  graceSeconds?: number;
  metrics?: Metrics;
  /** How many agents are online, on every node (default: this process's). */
  agentsOnline?: () => number;
  /** Whether an agent is connected to any node, when several share Redis. */
  cluster?: { isConnectedAnywhere(agentId: string): Promise<boolean> };
  /** Agents' names, for the lines the shopper reads and the lists agents see. */
  directory: AgentDirectory;
}

export function createDesk(options: DeskOptions) {
  const { presence, cluster, now = () => new Date(), graceSeconds = 60, agentsOnline = () => presence.onlineAgents().length } = options;
  const isConnected = async (agentId: string) => presence.isConnected(agentId) || ((await cluster?.isConnectedAnywhere(agentId)) ?? false);
  const records = createDeskRecords({ ...options, now });
  return {
    ...createQueueView({ ...options, now, agentsOnline }),
    ...createDeskCommands({ ...options, now, records, isConnected }),
    ...createReconnectGrace({ ...options, graceSeconds, records, isConnected }),
  };
}

export type Desk = ReturnType<typeof createDesk>;
