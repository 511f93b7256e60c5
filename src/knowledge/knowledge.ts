// The knowledge in service: the snapshot serving now, and a reload that swaps in a new one only when it is sound.
import type { ContentProblem } from '../shared/index.js';
import { loadSnapshot, type LoadOptions } from './load.js';
import type { Snapshot } from '../content/index.js';

export interface ReloadResult {
  ok: boolean;
  at: string;
  problems: ContentProblem[];
}

export interface Knowledge {
  /** The snapshot serving now; undefined only before the first successful load. */
  current(): Snapshot | undefined;
  /** The last load attempt: when it rejected the content, the previous snapshot kept serving. */
  lastReload(): ReloadResult | undefined;
  /** Builds a new snapshot from disk and swaps it in, whole, only if it has no errors. */
  reload(): Promise<ReloadResult>;
}

export function createKnowledge(contentDir: string, initial?: Snapshot, options: LoadOptions = {}): Knowledge {
  let serving = initial;
  let last: ReloadResult | undefined;
  return {
    current: () => serving,
    lastReload: () => last,
    async reload() {
      const { snapshot, problems } = await loadSnapshot(contentDir, options);
      if (snapshot) serving = snapshot;
      last = { ok: !!snapshot, at: new Date().toISOString(), problems };
      return last;
    },
  };
}
