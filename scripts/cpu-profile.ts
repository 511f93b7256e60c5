// Summarises a V8 .cpuprofile (node --cpu-prof): the functions where the process spent its own time, the largest
// first, as a share of the time it was not idle.
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface ProfileEntry {
  name: string;
  where: string;
  /** Percent of the samples taken while the process was busy. */
  share: number;
}

/** Where a script is, short: "json-rules-engine/dist/rule.js:120", "src/pipeline/render.ts:88", "node:net". */
function place(url: string, line: number, root: string): string {
  if (!url) return '';
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  const modules = file.lastIndexOf('node_modules/');
  const short = modules >= 0 ? file.slice(modules + 'node_modules/'.length) : file.startsWith(root) ? path.relative(root, file) : file;
  return `${short}:${line + 1}`;
}

/**
 * The `count` functions with the most own time; with `fromMs`, only the samples taken that long or more after the
 * profile began (the load, not the start-up's training).
 */
export function topOfProfile(file: string, root: string, { count = 10, fromMs = 0 } = {}): ProfileEntry[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const hits = new Map<number, number>();
  let elapsedUs = 0;
  profile.samples.forEach((id, index) => {
    elapsedUs += profile.timeDeltas[index] ?? 0;
    if (elapsedUs >= fromMs * 1000) hits.set(id, (hits.get(id) ?? 0) + 1);
  });
  const selfSamples = new Map<string, { name: string; where: string; samples: number }>();
  let busy = 0;
  for (const [id, samples] of hits) {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busy += samples;
    const name = functionName || '(anonymous)';
    const where = place(url, lineNumber, root);
    const key = `${name} ${where}`;
    const entry = selfSamples.get(key) ?? { name, where, samples: 0 };
    entry.samples += samples;
    selfSamples.set(key, entry);
  }
  return [...selfSamples.values()]
    .sort((a, b) => b.samples - a.samples)
    .slice(0, count)
    .map(({ name, where, samples }) => ({ name, where, share: (100 * samples) / busy }));
}
