import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/knowledge/index.js';
import { trainLanguageModel, type LanguageHints } from '../../src/nlu/index.js';
import { loadDefaultSnapshot } from '../helpers.js';

let snapshot: Snapshot;
beforeAll(async () => {
  snapshot = await loadDefaultSnapshot();
});
const detect = (text: string, hints?: LanguageHints) => snapshot.languageModel.detect(text, hints, 'en');

describe('language detection', () => {
  it.each([
    ['where is my package', 'en'],
    ['donde esta mi pedido', 'es'],
    ['ou est ma commande svp', 'fr'],
    ['wo bleibt meine bestellung', 'de'],
    ['dove è il mio ordine', 'it'],
    ['cadê minha encomenda', 'pt'],
    ['waar blijft mijn pakket', 'nl'],
    ['gdzie jest moja paczka', 'pl'],
    ['где моя посылка', 'ru'],
    ['kargom nerede', 'tr'],
    ['وين طلبي', 'ar'],
    ['荷物はまだですか', 'ja'],
  ])('recognises %s as %s', (text, language) => {
    expect(detect(text).language).toBe(language);
  });

  it('uses the script for one-word messages in Cyrillic, Arabic and Japanese', () => {
    expect(detect('спасибо')).toMatchObject({ language: 'ru', source: 'script' });
    expect(detect('شكرا')).toMatchObject({ language: 'ar', source: 'script' });
    expect(detect('返品')).toMatchObject({ language: 'ja', source: 'script' });
  });

  it('keeps a Spanish conversation Spanish for a one-word "ok"', () => {
    expect(detect('ok', { conversationLanguage: 'es' }).language).toBe('es');
  });

  it('switches the conversation language on a clear sentence in another language', () => {
    expect(detect('where is my order, I have been waiting for three weeks', { conversationLanguage: 'es' }).language).toBe('en');
  });

  it('keeps the current language for messages without letters', () => {
    expect(detect('#100234', { conversationLanguage: 'de' })).toMatchObject({ language: 'de', source: 'conversation' });
    expect(detect('👍', { locale: 'fr-CA' })).toMatchObject({ language: 'fr', source: 'hint' });
    expect(detect('12345')).toMatchObject({ language: 'en', source: 'default' });
  });

  it('lets the widget locale decide an ambiguous message', () => {
    expect(detect('cancelar pedido', { locale: 'pt-BR' }).language).toBe('pt');
    expect(detect('cancelar pedido', { locale: 'es-MX' }).language).toBe('es');
  });

  it('reports languages the store does not support, answering in the default language', () => {
    expect(detect('배송은 얼마나 걸리나요')).toMatchObject({ language: 'en', detected: 'ko', isSupported: false });
    expect(detect('我的订单在哪里')).toMatchObject({ detected: 'zh', isSupported: false });
    expect(detect('hej, var är min beställning? jag har väntat länge')).toMatchObject({ language: 'en', detected: 'sv', isSupported: false });
  });

  it('reads mixed-script text by its main script', () => {
    expect(detect('iPhone 15のケースはありますか').language).toBe('ja');
    expect(detect('мой заказ LX123456789CN где').language).toBe('ru');
  });

  it.each([
    ['kogda pridet moya posylka', 'ru'],
    ['otmenite zakaz pozhaluysta', 'ru'],
    ['privet, gde moya posylka?', 'ru'],
    ['ana 3ayez a3mel cancel lel order', 'ar'],
    ['el shohna fen', 'ar'],
    ['mesh 3aref atba3 el talab', 'ar'],
    ['chuumon wo kyanseru shitai', 'ja'],
    ['henpin shitai desu', 'ja'],
    ['chuumon no joukyou wo oshiete kudasai', 'ja'],
  ])('recognises %s, written in Latin letters, as %s', (text, language) => {
    expect(detect(text).language).toBe(language);
  });

  it('does not take English for transliterated Russian, Arabic or Japanese', () => {
    for (const text of ['thx', 'hello', 'bye', 'live agent please', 'where is my order', 'cancel my order']) {
      expect(detect(text).language, text).toBe('en');
    }
  });

  it.each([
    ['gracias', 'es'],
    ['merci', 'fr'],
    ['danke', 'de'],
    ['grazie', 'it'],
    ['obrigado', 'pt'],
    ['bedankt', 'nl'],
    ['dziekuje', 'pl'],
    ['tesekkurler', 'tr'],
    ['estado del pedido', 'es'],
    ['suivi colis', 'fr'],
    ['paket verfolgen', 'de'],
    ['stato ordine', 'it'],
    ['status do pedido', 'pt'],
    ['status bestelling', 'nl'],
    ['status zamowienia', 'pl'],
    ['kargo durumu', 'tr'],
    ['ok obrigado', 'pt'],
    ['le tracking svp', 'fr'],
    ['das tracking bitte', 'de'],
  ])('does not pull the short %s toward the biggest corpus (%s)', (text, language) => {
    expect(detect(text).language).toBe(language);
  });

  it('keeps the conversation or widget language for words most languages use', () => {
    expect(detect('ok', { conversationLanguage: 'ru' })).toMatchObject({ language: 'ru', source: 'conversation' });
    expect(detect('ok', { locale: 'ja-JP' })).toMatchObject({ language: 'ja', source: 'hint' });
    expect(detect('paypal?', { locale: 'it-IT' })).toMatchObject({ language: 'it', source: 'hint' });
    expect(detect('refund', { conversationLanguage: 'ar' }).language).toBe('ar');
  });

  it('lets the widget language keep a short message its shoppers write too', () => {
    expect(detect('retour', { locale: 'nl-NL' }).language).toBe('nl');
    expect(detect('retour', { locale: 'fr-FR' }).language).toBe('fr');
  });

  it('weighs a word by how often each language uses it, not by how big its corpus is', () => {
    // "pedido" is one of the eight Spanish words and one of every ten English ones, but English has four times as
    // many utterances.
    const english = ['where is my parcel', 'cancel it please', 'pedido', 'hello there'];
    const model = trainLanguageModel({
      en: [...english, ...english, ...english, ...english],
      es: ['donde esta mi paquete', 'cancelalo por favor', 'pedido'],
      fr: ['ou est mon colis', 'annulez le svp', 'bonjour'],
      de: ['wo ist mein paket', 'bitte stornieren', 'hallo'],
      it: ['dov e il mio pacco', 'annullatelo per favore', 'ciao'],
    });
    expect(model.detect('pedido', {}, 'en').language).toBe('es');
  });
});
