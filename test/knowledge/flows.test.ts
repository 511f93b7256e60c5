// flows/ and locales/<lang>/lexicon.json: checked with their places, and served by the pipeline once loaded.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { runPipeline, type ConversationState } from '../../src/pipeline/index.js';
import { contentLoader, makeContentDir, tinyContent } from '../helpers.js';

const OPERATOR_TOKEN = 'test-operator-token-0123456789';

const { load, cleanup } = contentLoader();
afterEach(cleanup);

/** A flow asking for the order number for "where is my order", in the tiny content's two languages. */
const withFlow = (flow: object = {}) => {
  const files: Record<string, string | object> = tinyContent();
  const templates = files['templates/en/replies.json'] as Record<string, unknown>;
  templates['order.ask_number'] = { variants: ['Which order number?'] };
  templates['order.remind_number'] = { variants: ['I still need the order number.'] };
  templates['flow.offer_person'] = { variants: ['Shall I get you a person?'] };
  templates['flow.without_answer'] = { variants: ['No problem, a person can help.'] };
  files['flows/order.json'] = {
    startsOn: { intents: ['order_status'] },
    slots: [{ name: 'orderNumber', fill: 'entity:orderNumber', ask: 'order.ask_number', remind: 'order.remind_number' }],
    ...flow,
  };
  // The answer waits for the number: a rule that replied at once would end the flow.
  const rules = files['rules/answers.json'] as { rules: { name: string; conditions: { all: object[] } }[] };
  rules.rules.find((rule) => rule.name === 'order')!.conditions.all.push({ fact: 'entities', path: 'orderNumber', operator: 'present', value: true });
  files['locales/en/lexicon.json'] = { yes: ['yes'], no: ['no'], dontKnow: ["don't know"], followUp: ['and'] };
  files['locales/es/lexicon.json'] = { yes: ['si'], no: ['no'], dontKnow: ['no se'], followUp: ['y'] };
  return files;
};

describe('checking flows', () => {
  it('serves a valid flow: it asks its question and takes the answer', async () => {
    const { snapshot, problems } = await load(withFlow());
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const asked = await runPipeline(snapshot!, { text: 'where is my order', now: new Date() });
    expect(asked.reply?.text).toBe('Which order number?');
    expect(asked.conversation.awaiting).toEqual({ slot: 'orderNumber', intent: 'order_status', flow: 'order' });
    const answered = await runPipeline(snapshot!, { text: '100234', now: new Date(), conversation: asked.conversation });
    expect(answered.reply?.text).toBe('Your order 100234 is on its way.');
  });

  it('reports unknown templates and intents, a bad fill and an unknown operator at their place', async () => {
    const { snapshot, lines } = await load(
      withFlow({
        startsOn: { intents: ['order_statuss'] },
        slots: [
          {
            name: 'orderNumber',
            fill: 'entity:ordernumber',
            ask: 'order.ask_numbr',
            askWhen: { fact: 'orderLookup', operator: 'equals', value: 'need_number' },
          },
        ],
      }),
    );
    expect(snapshot).toBeUndefined();
    expect(lines).toContainEqual(expect.stringMatching(/^flows\/order\.json:\d+:\d+ slots\[0\]\.fill: fill is one of entity:orderNumber/));
    const valid = await load(
      withFlow({
        startsOn: { intents: ['order_statuss'] },
        slots: [{ name: 'orderNumber', fill: 'entity:orderNumber', ask: 'order.ask_numbr', askWhen: { fact: 'orderLookup', operator: 'equals', value: 'x' } }],
      }),
    );
    expect(valid.lines).toContain('flows/order.json:4:7 unknown intent "order_statuss"');
    expect(valid.lines).toContainEqual(expect.stringMatching(/^flows\/order\.json:\d+:\d+ unknown template "order\.ask_numbr"$/));
    expect(valid.lines).toContainEqual(expect.stringMatching(/^flows\/order\.json:\d+:\d+ unknown operator "equals"/));
  });

  it('refuses two flows started by one intent, and a word list no lexicon has', async () => {
    const files = withFlow({ startsOn: { intents: ['order_status'], words: { list: 'problems', withIntents: [] } } });
    files['flows/other.json'] = { startsOn: { intents: ['order_status'] }, slots: [{ name: 'email', fill: 'entity:email', ask: 'order.ask_number' }] };
    const { snapshot, lines } = await load(files);
    expect(snapshot).toBeUndefined();
    expect(lines).toContainEqual(expect.stringMatching(/^flows\/other\.json:\d+:\d+ intent "order_status" already starts the flow "order"$/));
    expect(lines).toContainEqual(expect.stringMatching(/^flows\/order\.json:\d+:\d+ the word list "problems" is not in locales\/en\/lexicon\.json$/));
  });
});

describe('checking lexicons', () => {
  it('refuses a word that means both yes and no, and a star inside an entry', async () => {
    const files = withFlow();
    files['locales/es/lexicon.json'] = '{\n  "yes": ["si", "vale"],\n  "no": ["no", "vale"]\n}';
    files['locales/en/lexicon.json'] = '{\n  "yes": ["yes"],\n  "followUp": ["and*so"]\n}';
    const { snapshot, lines } = await load(files);
    expect(snapshot).toBeUndefined();
    expect(lines).toContain('locales/es/lexicon.json:3:16 "vale" is in both "yes" and "no"');
    expect(lines).toContainEqual(expect.stringMatching(/^locales\/en\/lexicon\.json:3:16 followUp\[0\]: only a final "\*" is allowed/));
  });

  it('warns about a language without a lexicon, and still serves it', async () => {
    const files = withFlow();
    delete files['locales/es/lexicon.json'];
    const { snapshot, lines } = await load(files);
    expect(snapshot).toBeDefined();
    expect(lines).toContain(
      'locales/es/lexicon.json:1:1 warning: es has no lexicon: yes/no answers, follow-up cues and problem words are not understood in es',
    );
  });

  it('understands "I don\'t know" only through the language\'s lexicon', async () => {
    const { snapshot } = await load(withFlow());
    const asked = (await runPipeline(snapshot!, { text: 'where is my order', now: new Date() })).conversation as ConversationState;
    const unknown = await runPipeline(snapshot!, { text: "sorry, I don't know", now: new Date(), conversation: asked });
    expect(unknown.flow?.step).toBe('cannot_answer');
    expect(unknown.conversation.awaiting).toBeUndefined();
  });
});

describe('a running server', () => {
  it('serves an edited flow within 2 seconds', async () => {
    const content = await makeContentDir(withFlow());
    const app = await buildApp(loadConfig({ CONTENT_DIR: content.dir, LOG_LEVEL: 'silent', OPERATOR_TOKEN }));
    try {
      const ask = async () =>
        (
          await app.inject({
            method: 'POST',
            url: '/api/v1/preview',
            headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
            payload: { text: 'where is my order' },
          })
        ).json().reply.text;
      expect(await ask()).toBe('Which order number?');
      const flowFile = path.join(content.dir, 'flows/order.json');
      const flow = JSON.parse(await readFile(flowFile, 'utf8'));
      flow.slots[0].ask = 'order.remind_number';
      await writeFile(flowFile, JSON.stringify(flow));
      const started = Date.now();
      while ((await ask()) !== 'I still need the order number.') {
        if (Date.now() - started > 2000) throw new Error('the edited flow was not served within 2 seconds');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    } finally {
      await app.close();
      await content.cleanup();
    }
  });
});
