// A case on an order number the shopper never proved is theirs still opens, marked so that the agent knows.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/knowledge/index.js';
import { runPipeline, type ConversationState, type PipelineResult } from '../../src/pipeline/index.js';
import { loadDefaultSnapshot } from '../helpers.js';

let snapshot: Snapshot;
beforeAll(async () => {
  snapshot = await loadDefaultSnapshot();
});
const now = new Date('2026-11-23T10:00:00Z');

/** A broken vase reported with a photo, then the order number. */
async function reportBrokenVase(conversation?: ConversationState): Promise<PipelineResult> {
  const first = await runPipeline(snapshot, { text: 'the vase I ordered arrived broken', attachments: ['photo-1'], now, conversation });
  return runPipeline(snapshot, { text: 'order 100234', now, conversation: first.conversation });
}

describe("the case's order owner", () => {
  it('is marked not verified when a guest only gave the order number', async () => {
    const result = await reportBrokenVase();
    expect(result.effects.map((effect) => effect.type)).toContain('open_case');
    expect(result.conversation.case).toMatchObject({ status: 'open', orderNumber: '100234', ownerVerified: false });
  });

  it('is verified when the shopper proved that order with its e-mail earlier in the conversation', async () => {
    const result = await reportBrokenVase({ ...(await runPipeline(snapshot, { text: 'hello', now })).conversation, verifiedOrders: ['100234'] });
    expect(result.conversation.case).toMatchObject({ status: 'open', orderNumber: '100234', ownerVerified: true });
  });

  it('is not verified by having proved another order', async () => {
    const result = await reportBrokenVase({ ...(await runPipeline(snapshot, { text: 'hello', now })).conversation, verifiedOrders: ['100251'] });
    expect(result.conversation.case).toMatchObject({ orderNumber: '100234', ownerVerified: false });
  });
});
