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
