// One operation at a time per conversation: a shopper message, a claim, a reply. Two agents claiming at once
// are served one after the other, and the second finds the conversation taken.
export type Serializer = <T>(conversationId: string, work: () => Promise<T>) => Promise<T>;

export function createSerializer(): Serializer {
  const tails = new Map<string, Promise<unknown>>();
  return (conversationId, work) => {
    const previous = tails.get(conversationId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    tails.set(conversationId, settled);
    void settled.then(() => {
      if (tails.get(conversationId) === settled) tails.delete(conversationId);
    });
    return next;
  };
}
