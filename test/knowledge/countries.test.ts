import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { loadSnapshot } from '../../src/knowledge/index.js';
import { countryForms } from '../../src/language/index.js';
import { formatProblem } from '../../src/shared/errors.js';
import { makeContentDir, tinyContent } from '../helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function contentWith(files: Record<string, string | object>) {
  const content = await makeContentDir({ ...tinyContent(), ...files });
  cleanups.push(content.cleanup);
  return content;
}
const load = async (files: Record<string, string | object>) => loadSnapshot((await contentWith(files)).dir);
const lines = (problems: Parameters<typeof formatProblem>[0][]) => problems.map(formatProblem).join('\n');

const english = {
  patterns: { default: { to: 'to {name}', in: 'in {name}' }, the: { the: 'the {name}', to: 'to the {name}', in: 'in the {name}' } },
  countries: { GB: { name: 'United Kingdom', pattern: 'the' }, DE: { name: 'Germany' } },
};
const zones = { zones: [{ id: 'europe', countries: ['GB', 'DE', 'FR'], carriers: ['DHL'], minDays: 3, maxDays: 6, cost: 6.9, currency: 'EUR' }] };

describe('locales/<lang>/countries.json', () => {
  it('gives templates the phrases of the language', async () => {
    const { snapshot, problems } = await load({
      'locales/en/countries.json': english,
      'templates/en/replies.json': {
        ...tinyContent()['templates/en/replies.json'],
        order_status: { variants: ['Your order goes {toCountry}; {theCountry} is {inCountry}.'] },
      },
    });
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(countryForms(snapshot!.countryPhrases, 'en', 'GB')).toMatchObject({ the: 'the United Kingdom', to: 'to the United Kingdom', listed: true });
  });

  it('makes a new language work from its folder alone: its default pattern around the Intl name', async () => {
    const { snapshot } = await load({
      'locales/sv/intents.json': tinyContent()['locales/en/intents.json']!,
      'locales/sv/countries.json': {
        patterns: { default: { to: 'till {name}', in: 'i {name}' } },
        countries: { PH: { name: 'Filippinerna', in: 'på Filippinerna' } },
      },
    });
    expect(countryForms(snapshot!.countryPhrases, 'sv', 'DE')).toEqual({
      name: 'Tyskland',
      the: 'Tyskland',
      to: 'till Tyskland',
      in: 'i Tyskland',
      listed: false,
    });
    expect(countryForms(snapshot!.countryPhrases, 'sv', 'PH')).toMatchObject({ to: 'till Filippinerna', in: 'på Filippinerna' });
  });

  it('reports forms without {name} and unknown keys with their place', async () => {
    const broken = JSON.stringify(
      {
        patterns: { default: { to: 'to {name}', in: 'in {name}' }, the: { to: 'to the country', in: 'in the {nom}' } },
        countries: { GB: { pattern: 'the' }, DE: { name: 'Germany', too: 'to Germany' } },
      },
      null,
      2,
    );
    const { snapshot, problems } = await load({ 'locales/en/countries.json': broken });
    expect(snapshot).toBeUndefined();
    const text = lines(problems);
    expect(text).toMatch(/^locales\/en\/countries\.json:8:7 patterns\.the\.to: a pattern writes the country as \{name\}$/m);
    expect(text).toMatch(/^locales\/en\/countries\.json:9:7 patterns\.the\.in: only \{name\} is filled in/m);
    expect(text).toMatch(/^locales\/en\/countries\.json:16:5 countries\.DE: Unrecognized key: "too"/m);
  });

  it('reports unknown country codes, a pattern name no pattern has, and a file without a default pattern', async () => {
    const typo = await load({ 'locales/en/countries.json': { ...english, countries: { GB: { pattern: 'teh' }, XX: { name: 'Nowhere' } } } });
    expect(typo.snapshot).toBeUndefined();
    expect(lines(typo.problems)).toMatch(/^locales\/en\/countries\.json:\d+:\d+ unknown pattern "teh"; this file has default, the$/m);
    expect(lines(typo.problems)).toMatch(/^locales\/en\/countries\.json:\d+:\d+ "XX" is not a country code/m);
    const noDefault = await load({ 'locales/en/countries.json': { patterns: { the: english.patterns.the } } });
    expect(lines(noDefault.problems)).toMatch(/^locales\/en\/countries\.json:\d+:\d+ patterns: patterns needs "default"/m);
  });

  it('warns about a shipped country a table leaves out, and a language with no table', async () => {
    const { snapshot, problems } = await load({ 'locales/en/countries.json': english, 'shipping/zones.json': zones });
    expect(snapshot).toBeDefined();
    const text = lines(problems);
    expect(text).toMatch(/^locales\/en\/countries\.json:\d+:\d+ warning: the shipping files name FR, which this table leaves out/m);
    expect(text).toMatch(/^locales\/es\/countries\.json:1:1 warning: es has no countries\.json: \{toCountry\} and \{inCountry\} are the bare country name/m);
  });
});

describe('country phrases while the server runs', () => {
  it('serves an edited countries.json within 2 seconds', async () => {
    const OPERATOR_TOKEN = 'test-operator-token-0123456789';
    const content = await contentWith({
      'locales/en/countries.json': english,
      'templates/en/replies.json': { ...tinyContent()['templates/en/replies.json'], order_status: { variants: ['Your order goes {toCountry}.'] } },
    });
    const app = await buildApp(loadConfig({ CONTENT_DIR: content.dir, LOG_LEVEL: 'silent', OPERATOR_TOKEN }));
    cleanups.unshift(() => app.close());
    const reply = async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/preview',
        headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
        payload: { text: 'where is my order, I live in Germany', language: 'en' },
      });
      return (response.json() as { reply: { text: string } }).reply.text;
    };
    expect(await reply()).toBe('Your order goes to Germany.');

    const file = path.join(content.dir, 'locales/en/countries.json');
    const table = JSON.parse(await readFile(file, 'utf8'));
    table.countries.DE = { name: 'Germany', to: 'all the way to Germany' };
    await writeFile(file, JSON.stringify(table, null, 2));
    const started = Date.now();
    while ((await reply()) !== 'Your order goes all the way to Germany.') {
      expect(Date.now() - started).toBeLessThan(2000);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
});
