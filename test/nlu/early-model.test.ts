import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { intentModelsFor, isEarly } from '../../src/nlu/index.js';
import { projectRoot } from '../helpers.js';

// A reload that changes a few training phrases serves the retrained model before its calibration folds are done,
// calibrated meanwhile by the model it replaces; a larger change waits for its own calibration.
const german = JSON.parse(readFileSync(path.join(projectRoot, 'locales/de/intents.json'), 'utf8')) as Record<string, string[]>;
const count = (utterances: Record<string, string[]>) => Object.values(utterances).flat().length;

describe('retrained models served before their calibration', () => {
  it('answers a new phrase at once, with the calibration it replaces, then with its own', async () => {
    const before = (await intentModelsFor({ de: german })).get('de')!;
    const edited = { ...german, greeting: [...german.greeting!, 'quorbelhupf zwinkerdattel'] };
    const served = (await intentModelsFor({ de: edited }, { early: true })).get('de')!;

    expect(isEarly(served)).toBe(true);
    expect(served.classify('quorbelhupf zwinkerdattel')[0]!.intent).toBe('greeting');
    expect(served.temperature).toBe(before.temperature);
    expect(served.heldOut()).toEqual(before.heldOut());

    const calibrated = isEarly(served) ? await served.calibrated : served;
    expect(isEarly(calibrated)).toBe(false);
    expect(calibrated.heldOut()).toHaveLength(count(edited));
    expect(calibrated.classify('quorbelhupf zwinkerdattel')[0]!.intent).toBe('greeting');
  }, 60_000);

  it('waits for its own calibration when many phrases changed', async () => {
    await intentModelsFor({ de: german });
    const trimmed = Object.fromEntries(Object.entries(german).map(([intent, list]) => [intent, list.filter((_, index) => index % 20 !== 0)]));
    const served = (await intentModelsFor({ de: trimmed }, { early: true })).get('de')!;

    expect(isEarly(served)).toBe(false);
    expect(served.heldOut()).toHaveLength(count(trimmed));
  }, 60_000);
});
