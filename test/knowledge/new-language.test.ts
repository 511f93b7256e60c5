// A 13th language is content only: a locales/sv/ folder (training phrases, labels and a lexicon) next to the
// default content is understood through a whole order flow, yes and no, kinds of problem and of change included.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRunTurn, type DryRunResult } from '../../src/conversations/index.js';
import { loadSnapshot, type Snapshot } from '../../src/knowledge/index.js';
import { createMemoryOrderSource, DEMO_ORDERS_FILE, readOrdersFile, type Order } from '../../src/orders/index.js';
import type { ConversationState } from '../../src/pipeline/index.js';
import { projectRoot } from '../helpers.js';

const swedish = {
  greeting: ['hej', 'hej hej', 'hallå', 'tjena', 'god morgon', 'hej, är det någon där?', 'god kväll', 'hejsan', 'morsning', 'hej, jag har en fråga'],
  thanks: ['tack', 'tack så mycket', 'stort tack', 'tack för hjälpen', 'tusen tack', 'toppen, tack', 'tackar', 'schysst, tack ska du ha'],
  goodbye: ['hej då', 'ha det bra', 'vi hörs', 'det var allt', 'tack och hej', 'ha en bra dag', 'adjö', 'det var allt för idag'],
  order_status: [
    'var är min beställning',
    'när kommer mitt paket',
    'mitt paket har inte kommit',
    'var är min order',
    'har min beställning skickats',
    'spåra mitt paket',
    'när levereras min order',
    'min leverans är sen',
    'jag väntar fortfarande på mitt paket',
    'vart tog mitt paket vägen',
  ],
  cancel_order: [
    'jag vill avbryta min beställning',
    'avbryt min order',
    'kan ni avbryta beställningen',
    'jag vill annullera min order',
    'ångra min beställning',
    'jag vill inte ha beställningen längre',
    'stoppa min beställning',
    'avbeställ min order',
    'kan jag avbryta ordern',
    'annullera beställningen tack',
  ],
  change_order: [
    'jag vill ändra min beställning',
    'kan jag ändra leveransadressen',
    'ändra storlek på min order',
    'jag vill byta färg i beställningen',
    'fel adress på ordern, kan ni ändra',
    'ändra adressen för min beställning',
    'kan ni uppdatera min order',
    'jag behöver ändra ordern',
    'byt storlek på beställningen',
    'ny leveransadress för ordern',
  ],
  item_problem: [
    'varan kom trasig',
    'koppen var sönder',
    'jag fick fel vara',
    'det saknas en del i paketet',
    'produkten fungerar inte',
    'vasen var skadad',
    'förpackningen var krossad',
    'fel storlek skickades',
    'lampan är trasig',
    'varan är defekt',
  ],
  shipping_info: [
    'skickar ni till sverige',
    'hur lång är leveranstiden',
    'vad kostar frakten',
    'levererar ni till norge',
    'hur lång tid tar leveransen',
    'fraktkostnad till finland',
    'skickar ni utomlands',
    'när skickas min vara om jag beställer idag',
    'är frakten gratis',
    'vilka länder levererar ni till',
  ],
  human_agent: [
    'jag vill prata med en människa',
    'kan jag få prata med en person',
    'koppla mig till kundtjänst',
    'jag vill prata med någon på riktigt',
    'finns det en riktig person',
    'kundtjänst tack',
    'ge mig en handläggare',
    'jag vill inte prata med en bot',
  ],
  out_of_scope: [
    'vad blir det för väder imorgon',
    'berätta ett skämt',
    'asdfgh',
    'vem vann matchen',
    'vad är meningen med livet',
    'spela musik',
    'qwerty',
    'hur gammal är du',
  ],
};

const lexicon = {
  yes: ['ja', 'japp', 'jajamensan', 'visst', 'absolut', 'ok', 'okej', 'gärna', 'ja tack', 'kör', 'stämmer'],
  no: ['nej', 'nä', 'nej tack', 'hellre inte', 'låt bli', 'inte nu'],
  dontKnow: ['vet inte', 'kommer inte ihåg', 'minns inte', 'har ingen', 'ingen aning', 'glömt'],
  followUp: ['och', 'och till', 'men', 'vad gäller', 'hur är det med', 'också'],
  problems: {
    damaged: ['trasig', 'trasiga', 'sönder', 'skadad*', 'krossad*', 'sprucken', 'repig'],
    wrong: ['fel vara', 'fel storlek', 'fel färg', 'inte det jag beställde'],
    missing: ['saknas', 'fattas', 'tom', 'ofullständig'],
    faulty: ['fungerar inte', 'funkar inte', 'defekt', 'går inte att starta'],
  },
  changes: { address: ['adress*', 'leveransadress*', 'postnummer', 'gata'], items: ['storlek*', 'färg*', 'vara', 'antal'] },
};

let snapshot: Snapshot;
let contentDir: string;
let orders: Order[];
beforeAll(async () => {
  contentDir = await mkdtemp(path.join(tmpdir(), 'borderless-sv-'));
  for (const folder of ['rules', 'templates', 'locales', 'flows', 'shipping', 'care', 'packages'])
    await cp(path.join(projectRoot, folder), path.join(contentDir, folder), { recursive: true });
  await mkdir(path.join(contentDir, 'locales/sv'));
  await writeFile(path.join(contentDir, 'locales/sv/intents.json'), JSON.stringify(swedish));
  await writeFile(path.join(contentDir, 'locales/sv/lexicon.json'), JSON.stringify(lexicon));
  const loaded = await loadSnapshot(contentDir);
  if (!loaded.snapshot) throw new Error(loaded.problems.map((problem) => problem.message).join('\n'));
  snapshot = loaded.snapshot;
  orders = await readOrdersFile(DEMO_ORDERS_FILE);
});
afterAll(() => rm(contentDir, { recursive: true, force: true }));

/** A conversation of a signed-in customer in Swedish; each message sees the state the previous one left. */
async function converse(messages: string[], customer = 'cust_1001', content = snapshot): Promise<DryRunResult[]> {
  const source = createMemoryOrderSource(orders);
  let conversation: ConversationState | undefined;
  const results: DryRunResult[] = [];
  for (const text of messages) {
    const result = await dryRunTurn(
      content,
      { text, locale: 'sv-SE', conversation, now: new Date(), context: { customer: { id: customer } } },
      { orders: source },
    );
    conversation = result.conversation;
    results.push(result);
  }
  return results;
}

describe('a language added as content only', () => {
  it('confirms and cancels an order with a Swedish yes', async () => {
    const [asked, confirmed] = await converse(['Hej! Jag vill avbryta min beställning 100251', 'ja tack']);
    expect(asked!.language.language).toBe('sv');
    expect(asked!.conversation.awaiting).toMatchObject({ slot: 'confirmation', flow: 'cancel_order' });
    expect(confirmed!.effects.map((effect) => effect.type)).toEqual(['request_cancellation']);
    expect(confirmed!.rule).toBe('cancellation-done');
  });

  it('keeps the order on a Swedish no', async () => {
    const [, declined] = await converse(['jag vill avbryta min beställning 100251', 'nej tack']);
    expect(declined!.rule).toBe('order-request-declined');
    expect(declined!.effects).toEqual([]);
  });

  it('reads the kind of change and of problem from the Swedish word lists', async () => {
    const [, confirmed] = await converse(['jag vill ändra leveransadressen för beställning 100251', 'ja']);
    expect(confirmed!.effects).toMatchObject([{ type: 'request_change', change: { kind: 'address' } }]);
    const [reported] = await converse(['koppen kom helt sönder']);
    expect(reported!.conversation.case).toMatchObject({ status: 'collecting', problem: 'damaged' });
  });

  it('does not understand a Swedish yes without its lexicon', async () => {
    await rm(path.join(contentDir, 'locales/sv/lexicon.json'));
    const { snapshot: withoutWords } = await loadSnapshot(contentDir);
    const [, unanswered] = await converse(['jag vill avbryta min beställning 100251', 'ja tack'], 'cust_1001', withoutWords!);
    expect(unanswered!.effects).toEqual([]);
    // "ja tack" without the word list reads as thanks (tack): the bot still waits for its yes or no.
    expect(unanswered!.conversation.awaiting).toMatchObject({ slot: 'confirmation', flow: 'cancel_order' });
  });
});
