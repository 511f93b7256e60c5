// The per-conversation lock: one operation at a time per conversation (a shopper message, a claim, a reply). Two
// agents claiming at once are served one after the other, and the second finds the conversation taken. With a
// cluster lock, nodes take turns too; within a node the operations still queue here, so only one of them at a time
// asks for the cluster lock.
export type ConversationLock = <T>(conversationId: string, work: () => Promise<T>) => Promise<T>;

export interface ClusterLock {
  hold<T>(conversationId: string, work: () => Promise<T>): Promise<T>;
}

export function createConversationLock(cluster?: ClusterLock): ConversationLock {
  const tails = new Map<string, Promise<unknown>>();
  return function withConversationLock(conversationId, work) {
    const run = cluster ? () => cluster.hold(conversationId, work) : work;
    const previous = tails.get(conversationId) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    tails.set(conversationId, settled);
    void settled.then(() => {
      if (tails.get(conversationId) === settled) tails.delete(conversationId);
    });
    return next;
  };
}
