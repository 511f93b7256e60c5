import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/knowledge/index.js';
import { runPipeline, type ConversationState, type PipelineResult } from '../../src/pipeline/index.js';
import { loadDefaultSnapshot } from '../helpers.js';

let snapshot: Snapshot;
beforeAll(async () => {
  snapshot = await loadDefaultSnapshot();
});
const now = new Date('2026-11-23T10:00:00Z');

/** Plays a conversation: each message sees the state the previous one left. */
async function converse(...messages: string[]): Promise<PipelineResult[]> {
  let conversation: ConversationState | undefined;
  const results: PipelineResult[] = [];
  for (const text of messages) {
    const result = await runPipeline(snapshot, { text, now, conversation });
    conversation = result.conversation;
    results.push(result);
  }
  return results;
}

describe('the default conversation rules', () => {
  it('greets back with quick replies for the common topics', async () => {
    const [hello] = await converse('hello!');
    expect(hello!.rule).toBe('answer-greeting');
    expect(hello!.reply!.quickReplies.map((quickReply) => quickReply.value)).toContain('intent:order_status');
  });

  it('asks for the order number and continues when the next message brings it', async () => {
    const [ask, answer] = await converse('where is my order?', 'it is 100234');
    expect(ask!.action).toBe('ask');
    expect(ask!.conversation.awaiting).toEqual({ slot: 'orderNumber', intent: 'order_status', flow: 'order_status' });
    // A guest must prove the order with its e-mail before hearing anything about it.
    expect(answer!.reply!.templateId).toBe('order.ask_email');
    expect(answer!.reply!.text).toContain('#100234');
    expect(answer!.conversation.awaiting).toEqual({ slot: 'email', intent: 'order_status', flow: 'order_status' });
  });

  it('answers an order question with its number straight away, in the shopper language', async () => {
    const [result] = await converse('hola, dónde está mi pedido 558812?');
    expect(result!.language.language).toBe('es');
    expect(result!.reply!.templateId).toBe('order.ask_email');
    expect(result!.reply!.language).toBe(snapshot.templates.has('es') ? 'es' : 'en');
    expect(result!.reply!.text).toContain('558812');
  });

  it('links a tracking code to live tracking', async () => {
    const [result] = await converse('where is my parcel LX123456789CN');
    expect(result!.rule).toBe('tracking-code-given');
    expect(result!.reply!.text).toContain('https://t.17track.net/en#nums=LX123456789CN');
  });

  it("asks to clarify with the store's topics and a person as buttons (never small talk), then hands off after a second unclear message", async () => {
    const [first, second] = await converse('hmm zork the blibber', 'blorp quax');
    expect(first!.rule).toBe('unclear');
    const offered = first!.reply!.quickReplies.map((quickReply) => quickReply.value);
    // Up to three topics, and a person last: "I don't know" always offers one.
    expect(offered.length).toBeGreaterThanOrEqual(3);
    expect(offered.length).toBeLessThanOrEqual(4);
    expect(offered.at(-1)).toBe('intent:human_agent');
    expect(new Set(offered).size).toBe(offered.length);
    expect(offered.every((value) => value.startsWith('intent:'))).toBe(true);
    expect(offered).not.toContain('intent:greeting');
    expect(offered).not.toContain('intent:thanks');
    expect(second!.action).toBe('handoff');
    expect(second!.handoff).toEqual({ reason: 'low_confidence', priority: 0 });
  });

  it('resets the unclear count after an understood message', async () => {
    const results = await converse('blorp quax', 'thank you', 'blorp quax');
    expect(results.map((result) => result.action)).toEqual(['reply', 'reply', 'reply']);
  });

  it('hands off when the shopper asks for a person', async () => {
    const [result] = await converse('I want to talk to a real person');
    expect(result!.action).toBe('handoff');
    expect(result!.handoff!.reason).toBe('requested');
  });

  it('answers a complaint with empathy, offers a person and tags it', async () => {
    const [result] = await converse('this is the worst service ever, nobody answers my emails');
    expect(result!.rule).toBe('complaint');
    expect(result!.reply!.quickReplies.map((quickReply) => quickReply.value)).toEqual(['intent:human_agent']);
    expect(result!.tags).toContain('complaint');
  });

  it('answers a language the store does not support in the default language and offers a person', async () => {
    const [result] = await converse('배송은 얼마나 걸리나요?');
    expect(result!.language).toMatchObject({ isSupported: false, detected: 'ko' });
    expect(result!.rule).toBe('unsupported-language');
    expect(result!.reply!.language).toBe('en');
    expect(result!.reply!.quickReplies[0]!.value).toBe('intent:human_agent');
  });

  it('names the country in the shopper language and formats money for its locale', async () => {
    const [result] = await converse('liefert ihr nach Österreich?');
    expect(result!.rule).toBe('shipping-to-a-country');
    expect(result!.reply!.text).toContain('nach Österreich');
    expect(result!.reply!.text).toMatch(/6,90\s€/);
  });

  it('varies the wording between variants but stays reproducible for a seed', async () => {
    const first = await runPipeline(snapshot, { text: 'thanks!', now, variantSeed: 0 });
    const second = await runPipeline(snapshot, { text: 'thanks!', now, variantSeed: 1 });
    const again = await runPipeline(snapshot, { text: 'thanks!', now, variantSeed: 0 });
    expect(first.reply!.text).not.toBe(second.reply!.text);
    expect(again.reply!.text).toBe(first.reply!.text);
  });

  it('keeps the conversation language for a one-word reply', async () => {
    const [, ok] = await converse('hola, quiero devolver unas zapatillas', 'ok');
    expect(ok!.language.language).toBe('es');
  });

  it('handles messages without letters, emoji and mixed scripts without failing', async () => {
    for (const text of ['!!!', '🙂🙂', '12', 'мой order 100234 где']) {
      const [result] = await converse(text);
      expect(result!.reply).toBeDefined();
    }
  });
});
