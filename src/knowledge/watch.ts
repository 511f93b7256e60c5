// Watches the content folders and rebuilds the snapshot after a change settles. A broken edit leaves the last
// good snapshot serving; the next good edit replaces it.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Knowledge, ReloadResult } from './knowledge.js';

export interface ContentWatcher {
  close(): void;
}

const CONTENT_FOLDERS = ['rules', 'templates', 'locales'];
/** Content a store may leave out: watched when the folder exists. */
const OPTIONAL_FOLDERS = ['care', 'packages', 'shipping', 'flows', 'promotions', 'faq'];

export function watchContent(
  contentDir: string,
  knowledge: Knowledge,
  { debounceMs = 250, onReload, onError }: { debounceMs?: number; onReload(result: ReloadResult): void; onError(error: Error): void },
): ContentWatcher {
  let timer: NodeJS.Timeout | undefined;
  let reloading: Promise<void> | undefined;
  let again = false;

  const reload = async () => {
    if (reloading) {
      again = true; // a change during a rebuild gets its own rebuild afterwards
      return;
    }
    reloading = knowledge.reload().then(onReload, onError);
    await reloading;
    reloading = undefined;
    if (again) {
      again = false;
      await reload();
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  };

  const watchers: FSWatcher[] = [];
  const folders = [...CONTENT_FOLDERS, ...OPTIONAL_FOLDERS.filter((folder) => existsSync(path.join(contentDir, folder)))];
  for (const folder of folders) {
    try {
      const watcher = watch(path.join(contentDir, folder), { recursive: true }, schedule);
      watcher.on('error', onError);
      watchers.push(watcher);
    } catch (error) {
      onError(error as Error);
    }
  }
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
