import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, CatalogueSchema, DEMO_PRODUCTS_FILE, findProducts, productOnPage } from '../../src/products/index.js';

const catalogue = buildCatalogue(CatalogueSchema.parse(JSON.parse(readFileSync(DEMO_PRODUCTS_FILE, 'utf8'))));
const ids = (text: string, language: string) => findProducts(catalogue, text, language).map((match) => match.product.id);

describe('finding the product a shopper names', () => {
  // Each as a shopper types it: typos, missing accents, the language's own word for the thing.
  const mentions: [string, string, string][] = [
    ['en', 'is the ceramic mug dishwashr safe?', 'mug'],
    ['en', 'do u have the merino scarf in navy', 'scarf'],
    ['en', 'how much is the cast iron tea pot', 'teapot'],
    ['es', 'la taza de ceramica va al lavavajillas?', 'mug'],
    ['es', 'tienen la bufanda de lana merino en gris', 'scarf'],
    ['es', 'cuanto cuesta la tetera de hiero fundido', 'teapot'],
    ['fr', "l'echarpe en laine merinos est dispo ?", 'scarf'],
    ['fr', 'la theiere en fonte passe au lave vaisselle ?', 'teapot'],
    ['de', 'ist die Regenjake wasserdicht', 'jacket'],
    ['de', 'gibt es den Kelim Tepich auch groß', 'rug'],
    ['it', 'la borraccia in acciaio va in lavastoviglie?', 'bottle'],
    ['pt', 'a caneca de ceramica vai ao micro-ondas?', 'mug'],
    ['nl', 'is de linnen schortt wasbaar?', 'apron'],
    ['pl', 'czy kubek ceramiczy można myć w zmywarce?', 'mug'],
    ['ru', 'керамическая кружка в посудомойку можно?', 'mug'],
    ['tr', 'seramik kupa bulaşık makinesine girer mi', 'mug'],
    ['ar', 'هل الكوب السيراميك آمن في غسالة الصحون', 'mug'],
    ['ar', 'سعر الحقيبه الجلديه كم', 'bag'],
    ['ja', 'このマグカップは食洗機で使えますか', 'mug'],
    ['ja', 'ウードオイルは日本に送れますか', 'oud'],
  ];
  for (const [language, text, product] of mentions) {
    it(`finds the ${product} in "${text}" (${language})`, () => expect(ids(text, language)).toEqual([product]));
  }

  it('never takes a short word one letter from a name for the name', () => {
    expect(ids('do you have a lamb recipe?', 'en')).toEqual([]);
    expect(ids('can I pay in cash?', 'en')).toEqual([]);
    expect(ids('la rue est fermée', 'fr')).toEqual([]);
  });

  it('marks a near miss of a longer word as not written out, so only a product question may take it', () => {
    const nearMisses: [string, string][] = [
      ['en', "what's the weather going to be tomorrow?"],
      ['de', 'wie wird das Wetter morgen'],
      ['es', 'quiero hablar con el gerente'],
      ['it', 'vorrei parlare con il titolare'],
    ];
    for (const [language, text] of nearMisses) expect(findProducts(catalogue, text, language).filter((match) => match.isExact)).toEqual([]);
    expect(findProducts(catalogue, 'is the leather tote bag waterproof', 'en')[0]).toMatchObject({ isExact: true, product: { id: 'bag' } });
  });

  it('returns the products whose name a lone word begins a compound of, in the shopper language', () => {
    expect(ids('how much is the tea', 'en').sort()).toEqual(['tea', 'teapot']);
    expect(ids('ist der Tee bio?', 'de').sort()).toEqual(['tea', 'teapot']);
    expect(ids('чай органический?', 'ru').sort()).toEqual(['tea', 'teapot']);
    // More of the name, or the compound itself, is one product.
    expect(ids('how much is the tea sampler', 'en')).toEqual(['tea']);
    expect(ids('was kostet die Teekanne', 'de')).toEqual(['teapot']);
    // A word that begins no other name is the product.
    expect(ids('is the mug dishwasher safe', 'en')).toEqual(['mug']);
  });

  it('takes no everyday word of four letters for the beginning of a name', () => {
    expect(ids('das aus wolle, kann man das waschen', 'de')).not.toContain('teapot');
    expect(ids('aquele de lã lava na máquina?', 'pt')).not.toContain('candle');
  });

  it('finds a product by the plural of a short name, which is matched exactly', () => {
    expect(ids('are the mugs dishwasher safe', 'en')).toEqual(['mug']);
    expect(ids('do the rugs come in a bigger size', 'en')).toEqual(['rug']);
    expect(findProducts(catalogue, 'two mugs please', 'en')[0]?.isExact).toBe(true);
  });

  it('finds a product by the short word its name says what it is with, in the shopper language', () => {
    expect(ids('hoeveel kost de mok?', 'nl')).toEqual(['mug']);
    expect(ids('is de tas van echt leer?', 'nl')).toEqual(['bag']);
    expect(ids('le sac est en cuir véritable ?', 'fr')).toEqual(['bag']);
    // The words around it describe it ("Bio-" of the T-shirt, "per" of the cushion cover): they name nothing alone.
    expect(ids('ist das bio?', 'de')).toEqual([]);
    expect(ids('grazie per la risposta', 'it')).toEqual([]);
    expect(ids('de mok van keramiek', 'en')).toEqual([]);
  });

  it('finds a product by an alias the store gave it', () => {
    expect(ids('is the raincoat ok in heavy rain', 'en')).toEqual(['jacket']);
    expect(ids('el chubasquero abriga?', 'es')).toEqual(['jacket']);
    expect(ids('鉄瓶は直火で使えますか', 'ja')).toEqual(['teapot']);
  });

  it('finds the product and its variant by SKU, in any case', () => {
    const [match] = findProducts(catalogue, 'is mug-cer-grn still available', 'en');
    expect(match?.product.id).toBe('mug');
    expect(match?.variant?.color).toBe('green');
  });

  it('returns every product a vague mention fits, so the bot can ask which', () => {
    expect(ids('the linen one', 'en').sort()).toEqual(['apron', 'dress']);
  });

  it('returns every product the same words of the message fit, however differently the names weigh them', () => {
    // "льняное" is written out in one name and one ending away from the other: nothing else tells them apart.
    expect(ids('а льняное ещё продаётся?', 'ru').sort()).toEqual(['apron', 'dress']);
    expect(ids('das Teil aus Leinen, was kostet es', 'de').sort()).toEqual(['apron', 'dress']);
    // A word of one name more is a name: the apron.
    expect(ids('льняной фартук сколько стоит', 'ru')).toEqual(['apron']);
  });

  it('finds nothing in messages that name no product, whatever short words they share with product names', () => {
    for (const [language, text] of [
      ['en', 'where is my order 100234'],
      ['en', 'my coupon code doesnt work'],
      ['es', '¿hacen envíos a Estados Unidos?'],
      ['pl', 'Czy wysyłacie na Węgry?'],
      ['fr', 'la livraison prend combien de temps ?'],
      ['pt', 'em quantos dias chega a entrega?'],
      ['en', 'is the the best shop'],
    ])
      expect(ids(text!, language!), text).toEqual([]);
  });
});

describe('the product on the page', () => {
  it('is the one the widget names, by id or SKU', () => {
    expect(productOnPage(catalogue, { product: 'dress' })?.id).toBe('dress');
    expect(productOnPage(catalogue, { product: 'tee-org-bla-m' })?.id).toBe('tshirt');
  });

  it("is the one whose link is the page's address, whatever its query or trailing slash", () => {
    expect(productOnPage(catalogue, { url: 'https://aurora-demo.example/products/scarf/?utm_source=mail' })?.id).toBe('scarf');
    expect(productOnPage(catalogue, { url: 'https://aurora-demo.example/cart' })).toBeUndefined();
  });
});
