import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/knowledge/index.js';
import { classifyIntent } from '../../src/pipeline/intent.js';
import { loadDefaultSnapshot } from '../helpers.js';

let snapshot: Snapshot;
beforeAll(async () => {
  snapshot = await loadDefaultSnapshot();
});

describe('intent classification', () => {
  it.each([
    ['en', 'my parcel still has not arrived', 'order_status'],
    ['es', 'quiero devolver las zapatillas', 'return_request'],
    ['fr', 'ma carte a été refusée', 'payment_issue'],
    ['de', 'kann ich mit paypal bezahlen', 'payment_methods'],
    ['it', 'il pacco è arrivato rotto', 'item_problem'],
    ['pt', 'quero falar com um atendente', 'human_agent'],
    ['nl', 'mijn kortingscode werkt niet', 'discount_code'],
    ['pl', 'chce anulowac zamowienie', 'cancel_order'],
    ['ru', 'когда вернут деньги', 'refund_status'],
    ['tr', 'gümrük vergisi ödeyecek miyim', 'customs_duties'],
    ['ar', 'هل تشحنون إلى مصر', 'shipping_info'],
    ['ja', '住所を変更したいです', 'change_order'],
  ])('[%s] understands "%s" as %s, confidently', (language, text, intent) => {
    const result = classifyIntent(snapshot, text, language);
    expect(result.intent).toBe(intent);
    expect(result.confident).toBe(true);
  });

  it('is not confident about a message of unknown words', () => {
    const result = classifyIntent(snapshot, 'xkqzv plomb wuzzle', 'en');
    expect(result.confident).toBe(false);
    // Either declined as out of scope (the training phrases hold gibberish too) or below the threshold.
    expect(result.intent === 'out_of_scope' || result.confidence < snapshot.intentThresholds.get('en')!.threshold).toBe(true);
  });

  it('recognises off-topic questions as out of scope', () => {
    const result = classifyIntent(snapshot, "what's the weather like in paris tomorrow", 'en');
    expect(result.confident).toBe(false);
  });

  it('gives the next best intents as alternatives, without the top one', () => {
    const result = classifyIntent(snapshot, 'refund', 'en');
    expect(result.alternatives.length).toBeGreaterThan(0);
    expect(result.alternatives.map((alternative) => alternative.intent)).not.toContain(result.intent);
  });

  it('trusts a quick reply payload naming an intent', () => {
    expect(classifyIntent(snapshot, 'Return or exchange', 'en', 'intent:return_request')).toMatchObject({
      intent: 'return_request',
      confidence: 1,
      confident: true,
    });
  });

  it('has nothing to go on for emoji alone', () => {
    expect(classifyIntent(snapshot, '🙂', 'en').confident).toBe(false);
  });
});
