import { describe, expect, it } from 'vitest';
import { compileKinds, compileLexicon, compileWords, lexiconText, readYesNo } from '../../src/language/index.js';

const matches = (entries: string[], text: string) => compileWords(entries).matches(lexiconText(text));

describe('word lists', () => {
  it('match whole words and phrases, with case and accents ignored', () => {
    expect(matches(['no'], 'No, thanks')).toBe(true);
    expect(matches(['no'], 'nothing arrived')).toBe(false);
    expect(matches(['what about'], 'And WHAT about Japan?')).toBe(true);
    expect(matches(['dañado'], 'llegó DANADO')).toBe(true);
  });

  it('match any ending after a final star, and Japanese anywhere in the message', () => {
    expect(matches(['разбит*'], 'чашка разбитая')).toBe(true);
    expect(matches(['разбит'], 'чашка разбитая')).toBe(false);
    expect(matches(['割れ'], 'カップが割れていました')).toBe(true);
  });

  it('find the first kind, in file order, whose words a message has', () => {
    const kinds = compileKinds({ damaged: ['broken'], faulty: ["doesn't work"] });
    expect(kinds.find(lexiconText("it arrived broken and doesn't work"))).toBe('damaged');
    expect(kinds.find(lexiconText('it does not turn on'))).toBeUndefined();
  });

  it('find every kind a text names, in file order', () => {
    const colors = compileKinds({ olive: ['olive'], green: ['green'], blue: ['blue'] });
    expect(colors.findAll(lexiconText('olive green'))).toEqual(['olive', 'green']);
    expect(colors.findAll(lexiconText('red'))).toEqual([]);
  });

  it('find, as one index, exactly what each of their lists matches on its own', () => {
    const lists = {
      shipping: ['ship to', 'versand*', 'x*'],
      stock: ['in stock', 'stok', 'bulaşık makine*', '在庫'],
      care: ['wash', 'ينغسل', 'spül*'],
    };
    const kinds = compileKinds(lists);
    const texts = [
      'can you ship to Spain',
      'versandkosten nach Wien',
      'xylophone in stock?',
      'stokta var mı, bulasik makinesine girer mi',
      '在庫ありますか',
      'هل ينغسل بالغسالة',
      'spülmaschinenfest und wash',
      'shipping to Spain',
      // A phrase after an earlier lone use of its first word, at the very end, or cut short by the end.
      'ship it, then ship to Spain',
      'which countries do you ship to',
      'do you ship',
      'bulasik makine',
      'girer mi bulasik',
      'nothing here',
    ];
    for (const text of texts) {
      const words = lexiconText(text);
      const each = Object.entries(lists)
        .filter(([, entries]) => compileWords(entries).matches(words))
        .map(([kind]) => kind);
      expect(kinds.findAll(words), text).toEqual(each);
      expect(kinds.find(words), text).toBe(each[0]);
    }
  });

  it('find the kind of the entry of most words, the first in file order of equally long ones', () => {
    const aspects = compileKinds({ price: ['combien', 'prix'], dimensions: ['combien de litres', 'litres'], stock: ['dispo', '在庫'], care: ['洗え'] });
    expect(aspects.findLongest(lexiconText('il contient combien de litres'))).toBe('dimensions');
    expect(aspects.findLongest(lexiconText('combien ça coûte'))).toBe('price');
    expect(aspects.findLongest(lexiconText('le prix en litres ?'))).toBe('price');
    // Japanese is written without spaces: its entries count as one word each, so file order decides.
    expect(aspects.findLongest(lexiconText('在庫はありますか、洗えますか'))).toBe('stock');
    expect(aspects.findLongest(lexiconText('nothing'))).toBeUndefined();
  });

  it('match Arabic words with the article (and "and", "with", "for") written onto them', () => {
    expect(matches(['فضي'], 'الفضي متوفر؟')).toBe(true);
    expect(matches(['غسالة'], 'تنغسل بالغسالة')).toBe(true);
    expect(matches(['كبير'], 'وللكبير كم السعر')).toBe(true);
    // A word that only begins like the article keeps its letters.
    expect(matches(['بس'], 'البس مقاس كم')).toBe(false);
  });
});

describe('yes and no', () => {
  const lexicon = compileLexicon({ yes: ['yes', 'sure', 'go ahead'], no: ['no', 'keep it'], dontKnow: [], followUp: [] });

  it('reads a short yes or no, and neither when a message says both or is long', () => {
    expect(readYesNo(lexicon, lexiconText('sure, go ahead'))).toBe('yes');
    expect(readYesNo(lexicon, lexiconText('no, keep it please'))).toBe('no');
    expect(readYesNo(lexicon, lexiconText('yes no'))).toBeUndefined();
    expect(readYesNo(lexicon, lexiconText('yes but first tell me how long shipping to Canada takes'))).toBeUndefined();
  });
});
