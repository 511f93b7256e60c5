import { afterEach, describe, expect, it } from 'vitest';
import { contentLoader, tinyContent } from '../helpers.js';

const { load, cleanup } = contentLoader();
afterEach(cleanup);

describe('loading content', () => {
  it('builds a snapshot from valid content', async () => {
    const { snapshot, problems } = await load(tinyContent());
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(snapshot!.languages.sort()).toEqual(['en', 'es']);
  });

  it('reports a JSON syntax error with its line and column', async () => {
    const { snapshot, lines } = await load({ ...tinyContent(), 'rules/answers.json': '{\n  "rules": [\n    { "name": "x", }\n  ]\n}' });
    expect(snapshot).toBeUndefined();
    expect(lines).toContain('rules/answers.json:3:20 invalid JSON: PropertyNameExpected');
  });

  it('reports a schema error with its JSON path and position', async () => {
    const files = tinyContent();
    (files['locales/en/intents.json'] as Record<string, unknown>).greeting = ['hi', 42];
    const { snapshot, lines } = await load(files);
    expect(snapshot).toBeUndefined();
    expect(lines.find((line) => line.startsWith('locales/en/intents.json:'))).toMatch(/^locales\/en\/intents\.json:\d+:\d+ greeting\[1\]: /);
  });

  it('reports a rule naming a template that does not exist, with a suggestion', async () => {
    const files = tinyContent();
    (files['rules/answers.json'] as { rules: { event: { params: { template: string } } }[] }).rules[2]!.event.params.template = 'order_statuz';
    const { snapshot, lines } = await load(files);
    expect(snapshot).toBeUndefined();
    expect(lines.some((line) => /^rules\/answers\.json:\d+:\d+ unknown template "order_statuz"/.test(line))).toBe(true);
  });

  it('reports a rule naming an intent that does not exist', async () => {
    const files = tinyContent();
    (files['rules/answers.json'] as { rules: { conditions: { all: { value: unknown }[] } }[] }).rules[1]!.conditions.all[0]!.value = 'greetings';
    const { lines } = await load(files);
    expect(lines.some((line) => line.includes('unknown intent "greetings"'))).toBe(true);
  });

  it('reports bad ICU syntax at the variant', async () => {
    const files = tinyContent();
    files['templates/es/replies.json'] = { ...files['templates/es/replies.json'], greeting: { variants: ['¡Hola {nombre!'] } };
    const { snapshot, lines } = await load(files);
    expect(snapshot).toBeUndefined();
    expect(lines.some((line) => /^templates\/es\/replies\.json:\d+:\d+ bad ICU message/.test(line))).toBe(true);
  });

  it('warns about a missing translation but still serves, falling back to the default language', async () => {
    const files = tinyContent();
    files['templates/es/replies.json'] = { greeting: { variants: ['¡Hola!'] }, clarify: { variants: ['¿Perdón?'] } };
    const { snapshot, problems } = await load(files);
    expect(snapshot).toBeDefined();
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('"order_status" has no es translation') }));
  });

  it('refuses paths through __proto__ in rules', async () => {
    const files = tinyContent();
    (files['rules/answers.json'] as { rules: { conditions: { all: object[] } }[] }).rules[1]!.conditions.all.push({
      fact: 'entities',
      path: '__proto__.polluted',
      operator: 'equal',
      value: 1,
    });
    const { snapshot, lines } = await load(files);
    expect(snapshot).toBeUndefined();
    expect(lines.some((line) => line.includes('__proto__, constructor or prototype'))).toBe(true);
  });

  it('reports a missing folder of content clearly', async () => {
    const { snapshot, lines } = await load({ 'rules/empty.json': { rules: [] } });
    expect(snapshot).toBeUndefined();
    expect(lines.some((line) => line.includes('no language has training utterances'))).toBe(true);
  });

  it('reports a template using a variable no rule or fact provides', async () => {
    const files = tinyContent();
    files['templates/en/replies.json'] = { ...files['templates/en/replies.json'], greeting: { variants: ['Hello {storeName}!'] } };
    const { snapshot, lines } = await load(files);
    expect(snapshot).toBeUndefined();
    expect(lines.some((line) => /^templates\/en\/replies\.json:\d+:\d+ the message uses \{storeName\}, which no rule or fact provides/.test(line))).toBe(true);
  });

  it('refuses an old name for an order value and names the one to write instead, in chat and care templates', async () => {
    const files = tinyContent();
    files['templates/en/replies.json'] = { ...files['templates/en/replies.json'], greeting: { variants: ['Your order comes to {total}.'] } };
    files['templates/en/care.json'] = { 'care.thanks': { variants: ['Thanks! Order #{orderNumber} ({total}) is confirmed.'] } };
    const { snapshot, lines } = await load(files);
    expect(snapshot).toBeUndefined();
    expect(lines.some((line) => /^templates\/en\/replies\.json:\d+:\d+ the message uses \{total\}, an old name: use \{orderTotal\}/.test(line))).toBe(true);
    expect(lines.some((line) => /^templates\/en\/care\.json:\d+:\d+ the message uses \{total\}, an old name: use \{orderTotal\}/.test(line))).toBe(true);
  });

  it('refuses a written date formatted again as a date, and accepts the order values by their one name', async () => {
    const files = tinyContent();
    files['templates/en/replies.json'] = { ...files['templates/en/replies.json'], greeting: { variants: ['Expected on {estimatedDelivery, date, long}.'] } };
    const refused = await load(files);
    expect(
      refused.lines.some((line) =>
        /^templates\/en\/replies\.json:\d+:\d+ \{estimatedDelivery\} is already written as a date.*use \{estimatedDelivery\}/.test(line),
      ),
    ).toBe(true);
    await cleanup();
    files['templates/en/replies.json'] = {
      ...files['templates/en/replies.json'],
      greeting: { variants: ['{firstName}, order #{orderNumber} ({orderTotal}) arrives {estimatedDelivery}.'] },
    };
    files['templates/en/care.json'] = { 'care.thanks': { variants: ['{firstName}, order #{orderNumber} ({orderTotal}) arrives {estimatedDelivery}.'] } };
    const accepted = await load(files);
    expect(accepted.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('accepts variables declared in settings and plural arguments inside them', async () => {
    const files = tinyContent();
    files['locales/settings.json'] = { defaultLanguage: 'en', confidenceThreshold: 0.3, variables: { returnDays: 30 } };
    files['templates/en/replies.json'] = {
      ...files['templates/en/replies.json'],
      greeting: { variants: ['{returnDays, plural, one {# day} other {# days}} for {orderNumber}'] },
    };
    const { snapshot } = await load(files);
    expect(snapshot).toBeDefined();
  });

  it('warns about intents with too few training utterances and utterances under two intents', async () => {
    const files = tinyContent();
    (files['locales/en/intents.json'] as Record<string, string[]>).order_status!.push('Hello!');
    const { snapshot, lines } = await load(files);
    expect(snapshot).toBeDefined();
    expect(lines.some((line) => /^locales\/en\/intents\.json:\d+:\d+ warning: intent "greeting" has 5 training utterances in en; at least 20/.test(line))).toBe(
      true,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^locales\/en\/intents\.json:\d+:\d+ warning: "Hello!" is a training utterance of both "greeting" and "order_status"$/),
    );
  });

  it('warns about an intent missing in a language', async () => {
    const files = tinyContent();
    delete (files['locales/es/intents.json'] as Record<string, string[]>).order_status;
    const { lines } = await load(files);
    expect(lines).toContainEqual(expect.stringContaining('warning: intent "order_status" has no es training utterances'));
  });

  it('refuses regular expressions that risk catastrophic backtracking, and broken ones', async () => {
    const files = tinyContent();
    const rules = files['rules/answers.json'] as { rules: { conditions: { all: object[] } }[] };
    rules.rules[1]!.conditions.all.push({ fact: 'text', operator: 'matches', value: '(a+)+$' });
    rules.rules[2]!.conditions.all.push({ fact: 'text', operator: 'matches', value: '([a-z' });
    const { snapshot, lines } = await load(files);
    expect(snapshot).toBeUndefined();
    expect(lines.some((line) => line.includes('the pattern /(a+)+$/ risks catastrophic backtracking'))).toBe(true);
    expect(lines.some((line) => line.includes('bad regular expression'))).toBe(true);
  });

  it('refuses a fact named constructor', async () => {
    const files = tinyContent();
    (files['rules/answers.json'] as { rules: { conditions: { all: object[] } }[] }).rules[1]!.conditions.all.push({
      fact: 'constructor',
      operator: 'equal',
      value: 1,
    });
    const { lines } = await load(files);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^rules\/answers\.json:\d+:\d+ rules\[1\]\.conditions\.all\[1\]\.fact: a fact may not be named __proto__, constructor or prototype$/,
      ),
    );
  });

  it('refuses an unknown operator and names the known ones', async () => {
    const files = tinyContent();
    (files['rules/answers.json'] as { rules: { conditions: { all: object[] } }[] }).rules[2]!.conditions.all.push({
      fact: 'text',
      operator: 'looksLike',
      value: 'x',
    });
    const { lines } = await load(files);
    expect(lines.some((line) => line.includes('unknown operator "looksLike"; use one of equal,'))).toBe(true);
  });
});
