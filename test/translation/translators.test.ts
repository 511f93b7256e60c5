// One contract for every Translator, run against local stand-ins that answer as DeepL and LibreTranslate do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAgentTranslation,
  createDeeplTranslator,
  createLibreTranslateTranslator,
  createTranslator,
  deeplDefaultUrl,
  TranslationUnavailable,
  type Translator,
} from '../../src/translation/index.js';
import { startDeeplStandIn, startLibreTranslateStandIn, type StandIn } from './stand-ins.js';

interface Driver {
  standIn: StandIn;
  translator: Translator;
  /** The same service reached with a wrong key. */
  withWrongKey: Translator;
  /** A short timeout, for the slow-service case. */
  impatient: Translator;
}

function translatorContract(name: string, start: () => Promise<Driver>) {
  describe(`${name} translator`, () => {
    let driver: Driver;
    beforeAll(async () => {
      driver = await start();
    });
    afterAll(() => driver.standIn.close());

    it('translates a Japanese message into English and says it was Japanese', async () => {
      expect(await driver.translator.translate('注文した花瓶がまだ届きません。どうなっていますか？', 'en')).toEqual({
        text: "The vase I ordered still hasn't arrived. What is going on?",
        from: 'ja',
      });
    });

    it('translates from a language it is told', async () => {
      expect(await driver.translator.translate('I am sorry about the wait. I am checking with the carrier now.', 'ja', 'en')).toEqual({
        text: 'お待たせして申し訳ありません。今、配送業者に確認しています。',
        from: 'en',
      });
    });

    it('detects the language of a text', async () => {
      expect(await driver.translator.detect('担当者と話したいです')).toBe('ja');
      expect(await driver.translator.detect('Hello')).toBe('en');
    });

    it('fails clearly on a refused key, a broken service and a slow one', async () => {
      await expect(driver.withWrongKey.translate('Hello', 'ja')).rejects.toThrow(TranslationUnavailable);
      await expect(driver.withWrongKey.translate('Hello', 'ja')).rejects.toThrow(/answered 403/);
      driver.standIn.setBehaviour({ broken: true });
      await expect(driver.translator.translate('Hello', 'ja')).rejects.toThrow(/answered 500/);
      driver.standIn.setBehaviour({ delayMs: 1000 });
      const started = Date.now();
      await expect(driver.impatient.translate('Hello', 'ja')).rejects.toThrow(/did not answer within 0.2 s/);
      expect(Date.now() - started).toBeLessThan(900);
      driver.standIn.setBehaviour({});
    });
  });
}

translatorContract('DeepL', async () => {
  const standIn = await startDeeplStandIn({ key: 'deepl-test-key:fx' });
  return {
    standIn,
    translator: createDeeplTranslator({ url: standIn.url, key: 'deepl-test-key:fx' }),
    withWrongKey: createDeeplTranslator({ url: standIn.url, key: 'wrong-key' }),
    impatient: createDeeplTranslator({ url: standIn.url, key: 'deepl-test-key:fx', timeoutMs: 200 }),
  };
});

translatorContract('LibreTranslate', async () => {
  const standIn = await startLibreTranslateStandIn({ key: 'libre-test-key' });
  return {
    standIn,
    translator: createLibreTranslateTranslator({ url: standIn.url, key: 'libre-test-key' }),
    withWrongKey: createLibreTranslateTranslator({ url: standIn.url, key: 'wrong-key' }),
    impatient: createLibreTranslateTranslator({ url: standIn.url, key: 'libre-test-key', timeoutMs: 200 }),
  };
});

describe('the adapters speak each API as documented', () => {
  it('DeepL: the key in the Authorization header, a list of texts, an English variant as the target', async () => {
    const standIn = await startDeeplStandIn({ key: 'k:fx' });
    await createDeeplTranslator({ url: standIn.url, key: 'k:fx' }).translate('こんにちは', 'en', 'ja');
    expect(standIn.requests).toEqual([
      { path: '/v2/translate', authorization: 'DeepL-Auth-Key k:fx', body: { text: ['こんにちは'], target_lang: 'EN-US', source_lang: 'JA' } },
    ]);
    expect(deeplDefaultUrl('k:fx')).toBe('https://api-free.deepl.com');
    expect(deeplDefaultUrl('k')).toBe('https://api.deepl.com');
    await standIn.close();
  });

  it('LibreTranslate: the key in the body, "auto" as the source when none is known', async () => {
    const standIn = await startLibreTranslateStandIn({ key: 'k' });
    const translator = createLibreTranslateTranslator({ url: `${standIn.url}/`, key: 'k' });
    await translator.translate('こんにちは', 'en');
    await translator.detect('こんにちは');
    expect(standIn.requests.map(({ path, body }) => ({ path, body }))).toEqual([
      { path: '/translate', body: { q: 'こんにちは', source: 'auto', target: 'en', format: 'text', api_key: 'k' } },
      { path: '/detect', body: { q: 'こんにちは', api_key: 'k' } },
    ]);
    await standIn.close();
  });

  it('is off unless TRANSLATOR names a service', () => {
    expect(createTranslator({})).toBeUndefined();
    expect(createTranslator({ TRANSLATOR: 'libretranslate', TRANSLATOR_URL: 'http://127.0.0.1:5000' })?.name).toBe('libretranslate');
    expect(createTranslator({ TRANSLATOR: 'deepl', TRANSLATOR_KEY: 'k' })?.name).toBe('deepl');
  });
});

describe('translation for agents', () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startLibreTranslateStandIn();
  });
  afterAll(() => standIn.close());

  it("puts a shopper's message into the agent's first language once, and leaves alone what the agent reads", async () => {
    const translation = createAgentTranslation(createLibreTranslateTranslator({ url: standIn.url }), () => ['en', 'ja']);
    const message = { id: 'm1', text: '注文番号は100234です', understanding: { language: 'ja', intent: 'order_status', confidence: 0.9 } };
    expect(await translation.forAgent(message, ['en', 'es'])).toEqual({ messageId: 'm1', text: 'The order number is 100234', from: 'ja', to: 'en' });
    const requestsBefore = standIn.requests.length;
    expect(await translation.forAgent(message, ['en', 'es'])).toMatchObject({ text: 'The order number is 100234' });
    expect(standIn.requests.length).toBe(requestsBefore); // kept, not asked again
    expect(await translation.forAgent(message, ['ja'])).toBeUndefined();
    expect(standIn.requests.length).toBe(requestsBefore);
    // A text the service gives back unchanged (here: one it has no translation for) adds nothing under the original.
    expect(
      await translation.forAgent({ id: 'm2', text: 'Zara', understanding: { language: 'ja', intent: 'out_of_scope', confidence: 0.2 } }, ['en']),
    ).toBeUndefined();
  });

  it("puts an agent's reply into the shopper's language, and keeps one already in it", async () => {
    const translation = createAgentTranslation(createLibreTranslateTranslator({ url: standIn.url }), () => ['en', 'ja']);
    expect(await translation.toShopper('I am sorry about the wait. I am checking with the carrier now.', 'ja')).toEqual({
      text: 'お待たせして申し訳ありません。今、配送業者に確認しています。',
      from: 'en',
    });
    expect(await translation.toShopper('こんにちは', 'ja')).toEqual({ text: 'こんにちは', from: 'ja' });
  });
});
