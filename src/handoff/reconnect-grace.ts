// The grace an agent gets after its last console closes: if it does not come back within graceSeconds, the
// conversations it holds go back to the queue, each with a line that tells the shopper.
import { transition, type ConversationLock, type Publisher } from '../conversations/index.js';
import type { Logger } from '../shared/index.js';
import type { Store } from '../store/index.js';
import type { Agent } from './agents.js';
import type { DeskRecords } from './desk-records.js';

export interface ReconnectGraceOptions {
  store: Store;
  withConversationLock: ConversationLock;
  publisher: Publisher;
  logger: Logger;
  graceSeconds: number;
  records: DeskRecords;
  isConnected(agentId: string): Promise<boolean>;
}

export function createReconnectGrace({ store, withConversationLock, publisher, logger, graceSeconds, records, isConnected }: ReconnectGraceOptions) {
  const graceTimers = new Map<string, NodeJS.Timeout>();

  /** The conversations an agent who did not come back still holds go back to the queue. */
  async function requeueHeld(agent: Agent): Promise<void> {
    graceTimers.delete(agent.id);
    if (await isConnected(agent.id)) return;
    const held = (await store.listConversationsByStatus(['assigned'])).filter((record) => record.assignedTo === agent.id);
    for (const record of held) {
      await withConversationLock(record.id, async () => {
        const current = await records.load(record.id);
        if (current.status !== 'assigned' || current.assignedTo !== agent.id) return;
        const requeued = await records.save(current, { status: transition('assigned', 'queued'), assignedTo: undefined });
        await records.recordLine(requeued, 'requeued', { kind: 'requeued', agentName: agent.name }, { name: agent.name });
        await records.audit(agent, 'requeue-after-disconnect', record.id);
      });
    }
    if (held.length) publisher.queueChanged(...held.map((record) => record.id));
  }

  const requeueLater = (agent: Agent) =>
    setTimeout(
      () =>
        void requeueHeld(agent).catch((error: unknown) =>
          logger.warn({ err: error, agentId: agent.id }, 'could not return the conversations of an agent who left to the queue'),
        ),
      graceSeconds * 1000,
    ).unref();

  return {
    /** An agent's last console closed: after the grace period, its conversations go back to the queue. */
    agentLeft(agent: Agent): void {
      clearTimeout(graceTimers.get(agent.id));
      graceTimers.set(agent.id, requeueLater(agent));
    },

    agentReturned(agent: Agent): void {
      clearTimeout(graceTimers.get(agent.id));
      graceTimers.delete(agent.id);
    },

    close(): void {
      for (const timer of graceTimers.values()) clearTimeout(timer);
    },
  };
}
