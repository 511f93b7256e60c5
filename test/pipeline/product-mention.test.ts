import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLexicon, lexiconText, type LexiconSource } from '../../src/language/index.js';
import { askedOptions, namedBesides, productsByOption, sharingMaterial, withoutNames } from '../../src/pipeline/product-mention.js';
import { buildCatalogue, CatalogueSchema, DEMO_PRODUCTS_FILE } from '../../src/products/index.js';

const catalogue = buildCatalogue(CatalogueSchema.parse(JSON.parse(readFileSync(DEMO_PRODUCTS_FILE, 'utf8'))));
const lexiconOf = (language: string) =>
  compileLexicon(JSON.parse(readFileSync(path.join(import.meta.dirname, '../../locales', language, 'lexicon.json'), 'utf8')) as LexiconSource);
const english = lexiconOf('en');
const byOption = (language: string, text: string) =>
  productsByOption(catalogue, lexiconText(text), [lexiconOf(language), english], language)
    .map((product) => product.id)
    .sort();

describe('products named by one of their options', () => {
  it('are the products that come in the colour the message names, in any language', () => {
    expect(byOption('en', 'is the blue one available')).toEqual(['cushion', 'dress', 'mug', 'tshirt']);
    expect(byOption('es', 'cuanto cuesta la beige')).toEqual(['cushion', 'scarf']);
    expect(byOption('ru', 'серебристый сколько стоит?')).toEqual(['bottle', 'samovar']);
    expect(byOption('ja', 'シルバーのはいくら')).toEqual(['bottle', 'samovar']);
    // Written with the article on it.
    expect(byOption('ar', 'بكم الفضي')).toEqual(['bottle', 'samovar']);
  });

  it('are the products made of the material the message names, read from their material texts', () => {
    expect(byOption('en', 'the linen one, can it be ironed')).toEqual(['apron', 'dress']);
    expect(byOption('it', 'quello di lana quanto costa')).toEqual(['rug', 'scarf']);
    expect(byOption('nl', 'die van linnen, is die wasbaar')).toEqual(['apron', 'dress']);
    expect(byOption('ru', 'шерстяной сколько стоит')).toEqual(['rug', 'scarf']);
    // The main material, named first: the tote's cotton lining and the candle's cotton wick do not count.
    expect(byOption('en', 'the cotton one')).not.toContain('bag');
  });

  it('by a material alone ask which even when the word is in one name; not beside another word of the name', () => {
    const shared = (language: string, text: string, id: string) =>
      sharingMaterial(catalogue, catalogue.byId.get(id)!, text, lexiconText(text), [lexiconOf(language), english], language)
        .map((product) => product.id)
        .sort();
    expect(shared('en', 'how much is the wool one', 'scarf')).toEqual(['rug', 'scarf']);
    expect(shared('es', 'cuánto cuesta la de lana', 'scarf')).toEqual(['rug', 'scarf']);
    expect(shared('en', 'how much is the wool scarf', 'scarf')).toEqual([]);
    expect(shared('es', 'las botellas son de acero inoxidable?', 'bottle')).toEqual([]);
    expect(shared('ja', 'リネンワンピースはいくら', 'dress')).toEqual([]);
  });

  it('count a shade of the colour: "green" is also the olive green apron', () => {
    expect(byOption('en', 'the green one, what is it made of')).toEqual(['apron', 'dress', 'mug']);
    expect(byOption('de', 'was kostet das olivgrüne')).toEqual(['apron']);
  });

  it('are the products that come in the size word the message says', () => {
    expect(byOption('en', 'how much is the big one')).toEqual(['rug', 'vase']);
    expect(byOption('fr', 'le petit modèle coûte combien')).toEqual(['rug', 'vase']);
    expect(byOption('tr', 'küçük olan ne kadar')).toEqual(['rug', 'vase']);
  });

  it('are one product when only one comes in that colour', () => {
    expect(byOption('en', "what's the yellow one made of")).toEqual(['jacket']);
    expect(byOption('pl', 'czy żółta jest w rozmiarze L')).toEqual(['jacket']);
  });

  it('are none when no option is named', () => {
    expect(byOption('en', 'what is it made of')).toEqual([]);
  });

  it('are every product sold in a letter size the message writes', () => {
    expect(byOption('de', 'gibts das in XL noch?')).toEqual(['dress', 'jacket', 'tshirt']);
    expect(byOption('en', 'the XS one')).toEqual(['dress']);
  });
});

describe('the options a message names of a product', () => {
  const product = (id: string) => catalogue.byId.get(id)!;
  const asked = (id: string, language: string, text: string) =>
    askedOptions(product(id), catalogue, lexiconText(text), text, [lexiconOf(language), english], language);

  it('find a colour of which the product has a shade', () => {
    expect(asked('apron', 'en', 'do you have it in green')).toEqual({ color: 'olive green' });
    // Its own colour first: the mug's green, not another.
    expect(asked('mug', 'en', 'in green?')).toEqual({ color: 'green' });
  });

  it('find the size the store calls "large" by the words shoppers use for it', () => {
    expect(asked('rug', 'en', 'is the big one in stock')).toEqual({ size: 'large' });
    expect(asked('vase', 'ja', '小さい方は在庫ありますか')).toEqual({ size: 'small' });
  });
});

describe('a message without the words of the product name', () => {
  it('keeps what is asked and drops what the product is called', () => {
    const tshirt = catalogue.byId.get('tshirt')!;
    expect(withoutNames(lexiconText('le t-shirt en coton bio existe en M ?'), tshirt, 'fr').tokens).toEqual(['le', 't', 'en', 'existe', 'en', 'm']);
    const jacket = catalogue.byId.get('jacket')!;
    expect(withoutNames(lexiconText('is the waterproof jacket in stock'), jacket, 'en').tokens).toEqual(['is', 'the', 'in', 'stock']);
  });

  it('keeps the short words of the language, which the question may need', () => {
    const scarf = catalogue.byId.get('scarf')!;
    expect(withoutNames(lexiconText('de que esta hecha la bufanda de lana merino'), scarf, 'es').padded).toBe(' de que esta hecha la de ');
  });

  it('takes Japanese names out where they are written', () => {
    const mug = catalogue.byId.get('mug')!;
    expect(withoutNames(lexiconText('マグカップの素材は何ですか'), mug, 'ja').folded).not.toContain('マグカップ');
  });
});

describe('the products a message names besides the one on the page', () => {
  const besides = (page: string, language: string, text: string) =>
    namedBesides(catalogue, text, language, catalogue.byId.get(page)!).map((match) => match.product.id);

  it("leave out the words of the page product's own title, material and care", () => {
    expect(besides('cushion', 'fr', "c'est du coton bio ?")).toEqual([]);
    expect(besides('samovar', 'ja', 'ステンレス製ですか')).toEqual([]);
  });

  it('still find a product named by words of its own', () => {
    expect(besides('cushion', 'en', 'how much is the organic cotton t-shirt')).toEqual(['tshirt']);
    expect(besides('samovar', 'fr', 'la théière en fonte est dispo ?')).toEqual(['teapot']);
  });
});
