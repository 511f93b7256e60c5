import { afterEach, describe, expect, it } from 'vitest';
import { classifyIntent } from '../../src/pipeline/intent.js';
import { contentLoader, loadDefaultSnapshot, tinyContent } from '../helpers.js';

const content = contentLoader();
afterEach(() => content.cleanup());

const withSettings = (settings: object) => ({ ...tinyContent(), 'locales/settings.json': settings });

describe('confidence thresholds in settings', () => {
  it("derives each language's threshold from the target precision", async () => {
    const { snapshot } = await content.load(withSettings({ defaultLanguage: 'en', targetPrecision: 0.9 }));
    expect([...snapshot!.intentThresholds.keys()].sort()).toEqual(['en', 'es']);
    for (const choice of snapshot!.intentThresholds.values()) {
      expect(choice).toMatchObject({ source: 'targetPrecision', targetPrecision: 0.9 });
      expect(choice.threshold).toBeGreaterThan(0);
      expect(choice.threshold).toBeLessThanOrEqual(1);
    }
  });

  it('uses a raw confidenceThreshold for every language where an operator sets one', async () => {
    const { snapshot } = await content.load(withSettings({ defaultLanguage: 'en', confidenceThreshold: 0.42 }));
    expect([...snapshot!.intentThresholds.values()].map((choice) => [choice.source, choice.threshold])).toEqual([
      ['confidenceThreshold', 0.42],
      ['confidenceThreshold', 0.42],
    ]);
  });

  it('refuses a target precision out of range, or both settings at once, saying which', async () => {
    const outOfRange = await content.load(withSettings({ defaultLanguage: 'en', targetPrecision: 1.5 }));
    expect(outOfRange.snapshot).toBeUndefined();
    expect(outOfRange.lines).toContainEqual(expect.stringMatching(/^locales\/settings\.json:\d+:\d+ .*target precision below 1/));
    await content.cleanup();

    const both = await content.load(withSettings({ defaultLanguage: 'en', targetPrecision: 0.95, confidenceThreshold: 0.5 }));
    expect(both.snapshot).toBeUndefined();
    expect(both.lines).toContainEqual(expect.stringMatching(/^locales\/settings\.json:\d+:\d+ .*set targetPrecision or confidenceThreshold, not both/));
  });

  it('answers a clear request in the shipped content and declines a confident out-of-scope one', async () => {
    const snapshot = await loadDefaultSnapshot();
    expect(snapshot.intentThresholds.get('en')).toMatchObject({ source: 'targetPrecision', targetPrecision: 0.95 });
    expect(classifyIntent(snapshot, 'where is my order? it has not arrived yet', 'en')).toMatchObject({ intent: 'order_status', confident: true });
    const outOfScope = classifyIntent(snapshot, 'can you recommend a good pizza place nearby', 'en');
    expect(outOfScope.intent).toBe('out_of_scope');
    expect(outOfScope.confident).toBe(false);
  });
});
