// The default content names countries the way native shoppers write them, in every language, and the shipping and
// customs replies carry those phrases.
import { beforeAll, describe, expect, it } from 'vitest';
import { findTemplate, type Snapshot } from '../../src/knowledge/index.js';
import { countryForms, type CountryForms } from '../../src/language/index.js';
import { runPipeline } from '../../src/pipeline/index.js';
import { countriesNamed, dutiesFacts, shippingFacts } from '../../src/shipping/index.js';
import { loadDefaultSnapshot } from '../helpers.js';

let snapshot: Snapshot;
beforeAll(async () => {
  snapshot = await loadDefaultSnapshot();
});

const LANGUAGES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'pl', 'ru', 'tr', 'ar', 'ja'];
/** Countries the store does not ship to that shoppers often ask about. */
const ASKED_ABOUT = ['CN', 'IR', 'IQ', 'LB', 'DZ', 'TN', 'NG', 'ZA', 'KE', 'GH', 'ET', 'VN', 'ID', 'PK', 'BD', 'LK', 'BY', 'VE', 'CU', 'MV'];
const countries = () => [...countriesNamed(snapshot.shipping!), ...ASKED_ABOUT];

/** How each language's "to …" and "in …" phrases begin or end: a typo in a table shows here. */
const SHAPES: Record<string, { to: RegExp; in: RegExp }> = {
  en: { to: /^to /, in: /^in / },
  es: { to: /^(a|al|a la|a los|a las) /, in: /^en / },
  fr: { to: /^(au|aux|en|à) /, in: /^(au|aux|en|à) / },
  de: { to: /^(nach|in die|in den|ins|auf die) /, in: /^(in|im|in der|in den|auf|auf den) / },
  it: { to: /^(in|nel|nella|negli|nei|nelle|a|alle) /, in: /^(in|nel|nella|negli|nei|nelle|a|alle) / },
  pt: { to: /^para /, in: /^(em|no|na|nos|nas) / },
  nl: { to: /^naar /, in: /^(in|op) / },
  pl: { to: /^(do|na) /, in: /^(w|we|na) / },
  ru: { to: /^(в|во|на) /, in: /^(в|во|на) / },
  tr: { to: /'(y?[ae]|n[ae])$/, in: /'(n?d|t)[ae]$/ },
  ar: { to: /^إلى /, in: /^في / },
  ja: { to: /へ$/, in: /で$/ },
};

const forms = (language: string, code: string) => countryForms(snapshot.countryPhrases, language, code);

describe('country phrases of the default content', () => {
  it.each(LANGUAGES)('%s: every country shipped to or asked about has its own forms, shaped like the language writes them', (language) => {
    for (const code of countries()) {
      const written = forms(language, code);
      const where = `${language} ${code} ${JSON.stringify(written)}`;
      expect(written.listed, where).toBe(true);
      expect(written.to, where).not.toBe(written.name);
      expect(written.in, where).not.toBe(written.name);
      expect(written.to, where).toMatch(SHAPES[language]!.to);
      expect(written.in, where).toMatch(SHAPES[language]!.in);
    }
  });

  it('follows Turkish vowel harmony, consonant assimilation and the buffer letters', () => {
    // How a few names are said, where that is not how they are written.
    const spoken: Record<string, string> = { ABD: 'abede', Liechtenstein: 'lihtenştayn' };
    for (const code of countries()) {
      const { name, to, in: inside } = forms('tr', code);
      const sound = spoken[name] ?? name.toLocaleLowerCase('tr');
      const a = /[aıou][^aıoueiöü]*$/.test(sound) ? 'a' : 'e';
      // "Dominik Cumhuriyeti", "Birleşik Arap Emirlikleri": a compound with a possessive ending takes n.
      const possessive = name.includes(' ') && /[^aıoueiöü][iıuü]$/.test(sound);
      const vowelEnd = /[aıoueiöü]$/.test(sound);
      expect(to, name).toBe(`${name}'${possessive ? 'n' : vowelEnd ? 'y' : ''}${a}`);
      expect(inside, name).toBe(`${name}'${possessive ? 'nd' : /[fstkçşhp]$/.test(sound) ? 't' : 'd'}${a}`);
    }
  });

  it.each([
    ['en', 'GB', 'to the United Kingdom', 'in the United Kingdom'],
    ['en', 'NL', 'to the Netherlands', 'in the Netherlands'],
    ['en', 'DE', 'to Germany', 'in Germany'],
    ['fr', 'CA', 'au Canada', 'au Canada'],
    ['fr', 'US', 'aux États-Unis', 'aux États-Unis'],
    ['fr', 'FR', 'en France', 'en France'],
    ['fr', 'IR', 'en Iran', 'en Iran'],
    ['fr', 'SG', 'à Singapour', 'à Singapour'],
    ['fr', 'MT', 'à Malte', 'à Malte'],
    ['fr', 'CY', 'à Chypre', 'à Chypre'],
    ['de', 'CH', 'in die Schweiz', 'in der Schweiz'],
    ['de', 'TR', 'in die Türkei', 'in der Türkei'],
    ['de', 'US', 'in die USA', 'in den USA'],
    ['de', 'NL', 'in die Niederlande', 'in den Niederlanden'],
    ['de', 'IR', 'in den Iran', 'im Iran'],
    ['de', 'DE', 'nach Deutschland', 'in Deutschland'],
    ['de', 'GB', 'ins Vereinigte Königreich', 'im Vereinigten Königreich'],
    ['es', 'ES', 'a España', 'en España'],
    ['es', 'CL', 'a Chile', 'en Chile'],
    ['es', 'GB', 'al Reino Unido', 'en el Reino Unido'],
    ['es', 'US', 'a los Estados Unidos', 'en los Estados Unidos'],
    ['it', 'US', 'negli Stati Uniti', 'negli Stati Uniti'],
    ['it', 'IT', 'in Italia', 'in Italia'],
    ['it', 'GB', 'nel Regno Unito', 'nel Regno Unito'],
    ['it', 'NL', 'nei Paesi Bassi', 'nei Paesi Bassi'],
    ['pt', 'BR', 'para o Brasil', 'no Brasil'],
    ['pt', 'DE', 'para a Alemanha', 'na Alemanha'],
    ['pt', 'US', 'para os Estados Unidos', 'nos Estados Unidos'],
    ['pt', 'PT', 'para Portugal', 'em Portugal'],
    ['nl', 'NL', 'naar Nederland', 'in Nederland'],
    ['nl', 'US', 'naar de Verenigde Staten', 'in de Verenigde Staten'],
    ['nl', 'GB', 'naar het Verenigd Koninkrijk', 'in het Verenigd Koninkrijk'],
    ['pl', 'PL', 'do Polski', 'w Polsce'],
    ['pl', 'DE', 'do Niemiec', 'w Niemczech'],
    ['pl', 'US', 'do Stanów Zjednoczonych', 'w Stanach Zjednoczonych'],
    ['pl', 'FR', 'do Francji', 'we Francji'],
    ['pl', 'HU', 'na Węgry', 'na Węgrzech'],
    ['ru', 'JP', 'в Японию', 'в Японии'],
    ['ru', 'US', 'в США', 'в США'],
    ['ru', 'NL', 'в Нидерланды', 'в Нидерландах'],
    ['ru', 'FR', 'во Францию', 'во Франции'],
    ['ru', 'CY', 'на Кипр', 'на Кипре'],
    ['tr', 'JP', "Japonya'ya", "Japonya'da"],
    ['tr', 'DE', "Almanya'ya", "Almanya'da"],
    ['tr', 'US', "ABD'ye", "ABD'de"],
    ['tr', 'SE', "İsveç'e", "İsveç'te"],
    ['ar', 'JP', 'إلى اليابان', 'في اليابان'],
    ['ar', 'GB', 'إلى المملكة المتحدة', 'في المملكة المتحدة'],
    ['ar', 'US', 'إلى الولايات المتحدة', 'في الولايات المتحدة'],
    ['ja', 'JP', '日本へ', '日本で'],
    ['ja', 'US', 'アメリカへ', 'アメリカで'],
  ])('%s %s: %s, %s', (language, code, to, inside) => {
    expect(forms(language, code)).toMatchObject({ to, in: inside });
  });
});

const VALUE_FORMS: Record<string, keyof CountryForms> = { countryName: 'name', theCountry: 'the', toCountry: 'to', inCountry: 'in' };

/** The country's phrases a template's first variant writes. */
function phrasesOf(language: string, templateId: string, code: string): string[] {
  const template = findTemplate(snapshot, language, templateId)!;
  const written = forms(language, code);
  return template.variantArguments[0]!.filter((name) => name in VALUE_FORMS).map((name) => String(written[VALUE_FORMS[name]!]));
}

const ask = (language: string, code: string, intent: string) =>
  runPipeline(snapshot, {
    text: '?',
    payload: `intent:${intent}`,
    language,
    locale: `${language}-${code}`,
    now: new Date('2026-12-01T10:00:00Z'),
    variantSeed: 0,
  });

describe('shipping and customs replies', () => {
  it.each(LANGUAGES)('%s: name every country with its phrase', async (language) => {
    for (const code of countries()) {
      const shipping = await ask(language, code, 'shipping_info');
      const zone = shippingFacts(snapshot.shipping, code)!.ships ? 'shipping_info.zone' : 'shipping_info.not_available';
      expect(shipping.reply?.templateId, `${language} ${code}`).toBe(zone);
      const shippingPhrases = phrasesOf(language, zone, code);
      expect(shippingPhrases, zone).not.toEqual([]);
      for (const phrase of shippingPhrases) expect(shipping.reply!.text).toContain(phrase);

      const customs = await ask(language, code, 'customs_duties');
      const note = `customs_duties.note.${dutiesFacts(snapshot.shipping, code)!.note}`;
      const notePhrases = phrasesOf(language, note, code);
      expect(notePhrases, note).not.toEqual([]);
      for (const phrase of notePhrases) expect(customs.reply!.text).toContain(phrase);
    }
  });

  it.each([
    ['en', 'GB', 'shipping_info', 'Yes, we ship to the United Kingdom!'],
    ['en', 'US', 'customs_duties', 'There are no import duties on orders under $800.00 shipped to the United States.'],
    ['fr', 'CA', 'shipping_info', 'Oui, nous livrons au Canada\u00a0!'],
    ['fr', 'SG', 'customs_duties', "Les droits et taxes d'importation à Singapour ne sont pas inclus dans nos prix."],
    ['de', 'CH', 'shipping_info', 'Ja, wir liefern in die Schweiz!'],
    ['de', 'NL', 'customs_duties', 'wenn Ihr Paket in den Niederlanden ankommt.'],
    ['es', 'US', 'shipping_info', '¡Sí, enviamos a los Estados Unidos!'],
    ['it', 'US', 'shipping_info', 'Sì, spediamo negli Stati Uniti!'],
    ['pt', 'BR', 'shipping_info', 'Sim, enviamos para o Brasil!'],
    ['nl', 'US', 'shipping_info', 'Ja, we verzenden naar de Verenigde Staten!'],
    ['pl', 'DE', 'shipping_info', 'Tak, wysyłamy do Niemiec!'],
    ['pl', 'HU', 'customs_duties', 'gdy paczka dotrze na Węgry,'],
    ['ru', 'JP', 'shipping_info', 'Да, мы доставляем в Японию!'],
    ['ru', 'CN', 'customs_duties', 'Ввозные пошлины и налоги в Китае не включены в наши цены'],
    ['tr', 'JP', 'shipping_info', "Evet, Japonya'ya gönderim yapıyoruz!"],
    ['tr', 'IR', 'shipping_info', "Üzgünüz, şu anda İran'a gönderim yapmıyoruz."],
    ['ar', 'GB', 'shipping_info', 'نعم، نشحن إلى المملكة المتحدة!'],
    ['ja', 'JP', 'shipping_info', 'はい、日本へ発送しています！'],
  ])('%s %s %s: "%s"', async (language, code, intent, sentence) => {
    expect((await ask(language, code, intent)).reply!.text).toContain(sentence);
  });

  it('ships to every member state of the EU, Hungary too', () => {
    expect(shippingFacts(snapshot.shipping, 'HU')).toMatchObject({ ships: true, zone: 'eu' });
    expect(dutiesFacts(snapshot.shipping, 'HU')).toMatchObject({ note: 'vat_at_checkout' });
  });

  it('says when only the catch-all duties rule covers a country: the data says nothing for it', () => {
    expect(dutiesFacts(snapshot.shipping, 'BR')).toMatchObject({ note: 'paid_on_delivery', general: true });
    expect(dutiesFacts(snapshot.shipping, 'JP')).toMatchObject({ general: true });
    expect(dutiesFacts(snapshot.shipping, 'US')).toMatchObject({ note: 'us_de_minimis', general: false });
    expect(dutiesFacts(snapshot.shipping, 'FR')).toMatchObject({ note: 'vat_at_checkout', general: false });
  });
});
