import { afterEach, describe, expect, it } from 'vitest';
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

const zone = { id: 'eu', countries: ['EU'], carriers: ['DHL'], minDays: 3, maxDays: 6, cost: 6.9, currency: 'EUR' };

describe('shipping content', () => {
  it('loads zones and duties whose notes have templates', async () => {
    const { snapshot, problems } = await load({
      'shipping/zones.json': { zones: [zone] },
      'shipping/duties.json': { rules: [{ countries: ['*'], note: 'paid_on_delivery' }] },
      'templates/en/shipping.json': { 'customs_duties.note.paid_on_delivery': { variants: ['Duties are paid on delivery.'] } },
    });
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(snapshot!.shipping!.zones[0]!.id).toBe('eu');
  });

  it('reports impossible delivery days with their place', async () => {
    const { problems } = await load({ 'shipping/zones.json': { zones: [{ ...zone, minDays: 9, maxDays: 2 }] } });
    expect(problems.map(formatProblem).join('\n')).toMatch(/shipping\/zones\.json:\d+:\d+ .*zones\[0\]\.maxDays: minDays is more than maxDays/);
  });

  it('reports unknown countries and notes without templates with their place', async () => {
    const zones = JSON.stringify(
      {
        zones: [
          { ...zone, countries: ['EU', 'XX'] },
          { ...zone, id: 'swiss', countries: ['CH'] },
        ],
      },
      null,
      2,
    );
    const { snapshot, problems } = await load({
      'shipping/zones.json': zones,
      'shipping/duties.json': { rules: [{ countries: ['US'], note: 'us_de_minimis', threshold: { amount: 800, currency: 'USD' } }] },
    });
    expect(snapshot).toBeUndefined();
    const lines = problems.map(formatProblem).join('\n');
    expect(lines).toMatch(/shipping\/zones\.json:\d+:\d+ .*"XX" is not a country code/);
    expect(lines).toMatch(/shipping\/duties\.json:\d+:\d+ .*note "us_de_minimis" has no template "customs_duties\.note\.us_de_minimis"/);
  });

  it('reports a country named in two zones', async () => {
    const { problems } = await load({
      'shipping/zones.json': {
        zones: [
          { ...zone, countries: ['FR'] },
          { ...zone, id: 'france', countries: ['FR'] },
        ],
      },
    });
    expect(problems.map(formatProblem).join('\n')).toMatch(/shipping\/zones\.json:\d+:\d+ .*FR is already in zone "eu"/);
  });
});
