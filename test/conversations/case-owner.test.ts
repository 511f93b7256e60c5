// A damaged-item case on an order number: a guest who never proved the order is theirs still gets the case, and the
// agents' queue entry and case view say "owner not verified"; a signed-in customer's own order is checked with the
// store and is not marked.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfiles } from '../../src/inbox/index.js';
import type { Attachment } from '../../src/shared/protocol.js';
import { startTestServer } from '../helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ SHOPPER_MESSAGES_PER_MINUTE: '0' });
}, 60_000);
afterAll(() => server.close());

const photo = (): Attachment => ({ id: randomUUID(), type: 'image/png', width: 60, height: 40, url: '' });

/** A broken item reported with a photo, then the order number; returns the conversation's id. */
async function reportBrokenItem(orderNumber: string, customerId?: string): Promise<string> {
  const { conversations } = server.app;
  const session = await conversations.openSession({ locale: 'en-GB', ...(customerId ? { customerId } : {}) });
  if (session.isNew) await conversations.storeNewConversation(session.conversation);
  const id = session.conversation.id;
  await conversations.receiveShopperMessage(id, { text: 'the vase I ordered arrived broken', clientMessageId: randomUUID(), attachments: [photo()] });
  await conversations.receiveShopperMessage(id, { text: `order ${orderNumber}`, clientMessageId: randomUUID() });
  return id;
}

async function whatAgentsSee(id: string) {
  const record = (await server.app.store.getConversation(id))!;
  const entry = (await server.app.desk.queueFor({ id: 'a', name: 'A', email: 'a@example.com', languages: ['en'], role: 'agent' } as never)).find(
    (summary) => summary.id === id,
  );
  const view = await createProfiles({ store: server.app.store, orders: server.app.orders, attachments: { list: async () => [] } }).caseView(record);
  const notes = (await server.app.store.listMessages(id)).filter((message) => message.internal).map((message) => message.text);
  return { record, entry, view, notes };
}

describe("the case card's order owner", () => {
  it('says "owner not verified" when a guest gave only the order number', async () => {
    const { record, entry, view, notes } = await whatAgentsSee(await reportBrokenItem('100234'));
    expect(record.status).toBe('queued');
    expect(entry?.case).toEqual({ orderNumber: '100234', problem: 'damaged', photos: 1, ownerVerified: false });
    expect(view).toMatchObject({ status: 'open', orderNumber: '100234', ownerVerified: false });
    expect(notes.join('\n')).toContain('order #100234 (owner not verified)');
  });

  it("is not marked for a signed-in customer's own order, and is for another customer's", async () => {
    const own = await whatAgentsSee(await reportBrokenItem('100234', 'cust_1001'));
    expect(own.entry?.case).toEqual({ orderNumber: '100234', problem: 'damaged', photos: 1 });
    expect(own.view?.ownerVerified).toBeUndefined();
    expect(own.notes.join('\n')).not.toContain('owner not verified');

    const other = await whatAgentsSee(await reportBrokenItem('100234', 'cust_1003'));
    expect(other.entry?.case?.ownerVerified).toBe(false);
  });
});
