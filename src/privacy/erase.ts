// Deleting one conversation's data: the one place that knows every piece of it, used by the retention purge and by
// the operators' deletion API. A new kind of conversation data is deleted here too.
import type { ConversationLock } from '../conversations/index.js';
import type { Store } from '../store/index.js';

export interface ErasedConversation {
  /** How many messages went with it. */
  messages: number;
}

export interface EraserDependencies {
  store: Store;
  withConversationLock: ConversationLock;
  /** Removes the conversation's picture files (their records go with the conversation in the store). */
  deleteAttachments(conversationId: string): Promise<void>;
  /** Disconnects the shopper sockets of a conversation, on every node. */
  disconnectShoppers(conversationId: string): void;
  /** The agents' queue changed. */
  queueChanged(...conversationIds: string[]): void;
}

export function createEraser({ store, withConversationLock, deleteAttachments, disconnectShoppers, queueChanged }: EraserDependencies) {
  return {
    /**
     * Deletes a conversation with everything kept for it; undefined when it does not exist (already deleted) or, with
     * `updatedBefore`, when it changed since (a shopper came back while the purge was on its way), or with
     * `onlyIfEmpty`, when someone wrote in it meanwhile.
     */
    deleteConversationData(conversationId: string, options: { updatedBefore?: Date; onlyIfEmpty?: boolean } = {}): Promise<ErasedConversation | undefined> {
      // Inside the conversation's queue: a shopper message being handled on this node finishes first, not after.
      return withConversationLock(conversationId, async () => {
        const record = await store.getConversation(conversationId);
        if (!record) {
          // Its keys may have expired while indexes still name it.
          await store.deleteConversation(conversationId);
          return undefined;
        }
        if (options.updatedBefore && record.updatedAt >= options.updatedBefore.toISOString()) return undefined;
        const messages = (await store.listMessages(conversationId)).length;
        if (options.onlyIfEmpty && messages > 0) return undefined;
        await store.deleteConversation(conversationId);
        await deleteAttachments(conversationId);
        // Only after the deletion: a widget reconnecting with its old token now starts a new conversation instead
        // of rejoining this one.
        disconnectShoppers(conversationId);
        if (record.status === 'queued' || record.status === 'assigned') queueChanged(conversationId);
        return { messages };
      });
    },

    /** What goes with a conversation the store evicted on its own (at its ceiling): its pictures and open widgets. */
    async forgetEvicted(conversationId: string): Promise<void> {
      await deleteAttachments(conversationId);
      disconnectShoppers(conversationId);
    },
  };
}

export type Eraser = ReturnType<typeof createEraser>;
