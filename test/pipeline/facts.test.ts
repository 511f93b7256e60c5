import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot, type Snapshot } from '../../src/knowledge/index.js';
import { localTime } from '../../src/pipeline/decide.js';
import { runPipeline } from '../../src/pipeline/index.js';
import { makeContentDir, tinyContent } from '../helpers.js';

let snapshot: Snapshot;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const files = tinyContent();
  files['locales/settings.json'] = { defaultLanguage: 'en', confidenceThreshold: 0.3, timeZone: 'Asia/Tokyo' };
  const rules = files['rules/answers.json'] as { rules: object[] };
  rules.rules.push(
    {
      name: 'closed-greeting',
      priority: 95,
      conditions: {
        all: [
          { fact: 'storeOpen', operator: 'equal', value: false },
          { fact: 'intent', operator: 'equal', value: 'greeting' },
        ],
      },
      event: { type: 'reply', params: { template: 'clarify' } },
    },
    {
      name: 'vip',
      priority: 96,
      conditions: { all: [{ fact: 'customer', path: 'vip', operator: 'equal', value: true }] },
      event: { type: 'tag', params: { tag: 'vip' } },
    },
    {
      name: 'lawyer',
      priority: 97,
      conditions: { all: [{ fact: 'text', operator: 'containsAnyWord', value: ['abogado', 'lawyer'] }] },
      event: { type: 'handoff', params: { template: 'clarify', reason: 'legal', priority: 5 } },
    },
    {
      name: 'parcel-word',
      priority: 94,
      conditions: { all: [{ fact: 'text', operator: 'matches', value: '\\bparcel\\b' }] },
      event: { type: 'tag', params: { tag: 'parcel' } },
    },
    {
      name: 'weekend',
      priority: 93,
      conditions: { all: [{ fact: 'localTime', path: 'weekday', operator: 'greaterThanInclusive', value: 6 }] },
      event: { type: 'tag', params: { tag: 'weekend' } },
    },
  );
  const content = await makeContentDir(files);
  cleanup = content.cleanup;
  snapshot = (await loadSnapshot(content.dir)).snapshot!;
});
afterAll(() => cleanup());

// A Saturday, 23:30 in Tokyo (14:30 UTC).
const saturday = new Date('2026-11-21T14:30:00Z');

describe('facts rules can use', () => {
  it('gives the store local time in its time zone', () => {
    expect(localTime(saturday, 'Asia/Tokyo')).toEqual({ hour: 23, weekday: 6, date: '2026-11-21' });
    expect(localTime(saturday, 'America/New_York')).toEqual({ hour: 9, weekday: 6, date: '2026-11-21' });
  });

  it('lets a rule answer differently when the store is closed', async () => {
    expect((await runPipeline(snapshot, { text: 'hello there', now: saturday })).rule).toBe('hello');
    expect((await runPipeline(snapshot, { text: 'hello there', now: saturday, context: { storeOpen: false } })).rule).toBe('closed-greeting');
  });

  it('reads the verified customer, words, patterns and the weekday', async () => {
    const result = await runPipeline(snapshot, { text: 'where is my parcel', now: saturday, context: { customer: { id: 'c1', vip: true } } });
    expect(result.tags.sort()).toEqual(['parcel', 'vip', 'weekend']);
    const legal = await runPipeline(snapshot, { text: 'I will call my Lawyer', now: saturday });
    expect(legal.handoff).toEqual({ reason: 'legal', priority: 5 });
  });
});
