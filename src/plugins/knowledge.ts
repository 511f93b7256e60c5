// The content in service: loaded (or given) at start, reloaded when its files change if asked to.
import fp from 'fastify-plugin';
import { createKnowledge, modelCacheDirIn, watchContent, type Knowledge, type Snapshot } from '../knowledge/index.js';
import { ContentError, formatProblem } from '../shared/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    knowledge: Knowledge;
  }
}

export interface KnowledgeOptions {
  /** An already built snapshot (tests share one to save training time). */
  snapshot?: Snapshot;
  /** Rebuild the snapshot when content files change (default: when the app loads content itself). */
  watchContent?: boolean;
}

export default fp<KnowledgeOptions>(
  async (app, { snapshot, watchContent: watch = !snapshot }) => {
    const { config, metrics } = app;
    const knowledge = createKnowledge(config.CONTENT_DIR, snapshot, { modelCacheDir: modelCacheDirIn(config.DATA_DIR) });
    if (!snapshot) {
      const { ok, problems } = await knowledge.reload();
      if (!ok) throw new ContentError(problems.filter((problem) => problem.severity === 'error'));
      for (const problem of problems) app.log.warn({ problem }, 'content warning');
    }
    app.decorate('knowledge', knowledge);
    if (!watch) return;
    const watcher = watchContent(config.CONTENT_DIR, knowledge, {
      onReload: ({ ok, problems }) => {
        metrics.reload(ok);
        const lines = problems.map(formatProblem);
        if (ok) app.log.info({ warnings: lines }, 'content reloaded');
        else app.log.error({ problems: lines }, 'content change rejected; the previous content keeps serving');
      },
      onError: (error) => app.log.error({ err: error }, 'content watcher failed'),
    });
    app.addHook('onClose', async () => watcher.close());
  },
  { name: 'knowledge', dependencies: ['metrics'] },
);
