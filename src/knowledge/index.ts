// The knowledge module's public face: load content into a Snapshot, and hold the one that is serving.
import type { ContentProblem } from '../shared/errors.js';
import { loadSnapshot } from './load.js';
import type { Snapshot } from './snapshot.js';

export { loadSnapshot, type LoadResult } from './load.js';
export { findTemplate, type CompiledTemplate, type Snapshot } from './snapshot.js';

export interface Knowledge {
  /** The snapshot serving now; undefined only before the first successful load. */
  current(): Snapshot | undefined;
  /** Problems of the last load attempt (errors mean it was rejected and the previous snapshot kept serving). */
  problems(): ContentProblem[];
  /** Builds a new snapshot from disk and swaps it in only if it has no errors. */
  reload(): Promise<{ ok: boolean; problems: ContentProblem[] }>;
}

export function createKnowledge(contentDir: string, initial?: Snapshot): Knowledge {
  let serving = initial;
  let lastProblems: ContentProblem[] = [];
  return {
    current: () => serving,
    problems: () => lastProblems,
    async reload() {
      const { snapshot, problems } = await loadSnapshot(contentDir);
      lastProblems = problems;
      if (snapshot) serving = snapshot;
      return { ok: !!snapshot, problems };
    },
  };
}
