import { afterEach, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/faq/index.js';
import { loadSnapshot } from '../../src/knowledge/index.js';
import { formatProblem } from '../../src/shared/errors.js';
import { makeContentDir, tinyContent } from '../helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function load(files: Record<string, string | object>) {
  const content = await makeContentDir({ ...tinyContent(), ...files });
  cleanups.push(content.cleanup);
  return loadSnapshot(content.dir);
}

const article = [
  '---',
  'question: Do you gift wrap?',
  'also: Can you wrap a present?',
  'link: https://shop.example/help/wrap',
  '---',
  'Yes, at checkout.',
  '',
].join('\n');
const helpTemplate = { 'templates/en/help.json': { 'faq.answer': { variants: ['{articleAnswer} {articleLink}'] } } };

describe('help articles in check', () => {
  it('reads the question, the other phrasings, the link and the answer', () => {
    expect(parseArticle('faq/en/gift-wrap.md', 'en', article).article).toEqual({
      id: 'gift-wrap',
      language: 'en',
      file: 'faq/en/gift-wrap.md',
      question: 'Do you gift wrap?',
      phrasings: ['Can you wrap a present?'],
      link: 'https://shop.example/help/wrap',
      answer: 'Yes, at checkout.',
    });
  });

  it('points at the line and column of a bad link, an unknown key and a missing answer', () => {
    const broken = ['---', 'question: Do you gift wrap?', 'lnk: https://shop.example', 'link: javascript:alert(1)', '---', ''].join('\n');
    const lines = parseArticle('faq/en/wrap.md', 'en', broken).problems.map(formatProblem);
    expect(lines).toContain('faq/en/wrap.md:3:1 unknown key "lnk"; use question, also or link');
    expect(lines).toContain('faq/en/wrap.md:4:7 link "javascript:alert(1)" is not an http(s) address');
    expect(lines).toContain('faq/en/wrap.md:5:1 the article has no answer below its header');
  });

  it('refuses an article without a header or a question', () => {
    expect(parseArticle('faq/en/a.md', 'en', 'Just text').problems.map(formatProblem)).toEqual([
      'faq/en/a.md:1:1 an article starts with a "---" line, then question:, also: and link: lines, then "---" and the answer',
    ]);
    expect(parseArticle('faq/en/b.md', 'en', '---\nlink: https://x.example\n---\nText').problems.map(formatProblem)).toContain(
      'faq/en/b.md:1:1 the header has no "question:" line',
    );
  });

  it('keeps the bot from loading articles with errors, and loads good ones', async () => {
    const broken = await load({
      'faq/settings.json': { minScore: 5, intents: ['no_such_intent'] },
      'faq/en/wrap.md': article.replace('question:', 'quest:'),
      ...helpTemplate,
    });
    expect(broken.snapshot).toBeUndefined();
    const lines = broken.problems.map(formatProblem).join('\n');
    expect(lines).toMatch(/faq\/en\/wrap\.md:2:1 unknown key "quest"/);
    expect(lines).toMatch(/faq\/settings\.json:\d+:\d+ unknown intent "no_such_intent"/);
    const good = await load({ 'faq/settings.json': { minScore: 5 }, 'faq/en/wrap.md': article, ...helpTemplate });
    expect(good.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(good.snapshot!.help!.articles.get('en')!.map((found) => found.id)).toEqual(['wrap']);
  });

  it('needs faq/settings.json for its measured score', async () => {
    const { problems } = await load({ 'faq/en/wrap.md': article, ...helpTemplate });
    expect(problems.map(formatProblem)).toContain('faq/settings.json:1:1 help articles need faq/settings.json with their "minScore"');
  });
});

describe('promotions in check', () => {
  const promotion = { code: 'WELCOME10', description: { en: '10% off' } };

  it('points at fields of the wrong shape', async () => {
    const file = JSON.stringify(
      { promotions: [promotion, { ...promotion, code: 'SALE', minimumOrder: { EUR: 5 } }, { ...promotion, code: 'X1', minimumOrder: { EUR: -5 } }] },
      null,
      2,
    );
    const { snapshot, problems } = await load({ 'promotions/promotions.json': file });
    expect(snapshot).toBeUndefined();
    const lines = problems.map(formatProblem).join('\n');
    expect(lines).toMatch(/promotions\/promotions\.json:\d+:\d+ promotions\[2\]\.code: a code is 3 to 30 letters/);
    expect(lines).toMatch(/promotions\/promotions\.json:\d+:\d+ promotions\[2\]\.minimumOrder\.EUR: /);
  });

  it('reports problems of a valid shape with their place', async () => {
    const file = JSON.stringify(
      {
        promotions: [
          { ...promotion, countries: ['DE', 'XX'] },
          { ...promotion, code: 'welcome10', startsOn: '2026-06-01', endsOn: '2026-05-01', description: { es: '10 %' } },
        ],
      },
      null,
      2,
    );
    const { snapshot, problems } = await load({ 'promotions/promotions.json': file });
    expect(snapshot).toBeUndefined();
    const lines = problems.map(formatProblem);
    expect(lines.join('\n')).toMatch(/promotions\.json:\d+:\d+ "XX" is not a country code; use "DE", "EU" or "\*"/);
    expect(lines.join('\n')).toMatch(/promotions\.json:\d+:\d+ code "welcome10" is also promotion \[0\]/);
    expect(lines.join('\n')).toMatch(/promotions\.json:\d+:\d+ it ends \(2026-05-01\) before it starts \(2026-06-01\)/);
    expect(lines.join('\n')).toMatch(/promotions\.json:\d+:\d+ no description in the default language "en"/);
  });
});
