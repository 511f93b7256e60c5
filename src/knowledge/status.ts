// What the operator's status page says about the content: what is serving, and how the last change went.
import { formatProblem } from '../shared/index.js';
import type { Knowledge } from './knowledge.js';

export function contentStatus(knowledge: Pick<Knowledge, 'current' | 'lastReload'>) {
  const snapshot = knowledge.current();
  const last = knowledge.lastReload();
  return {
    content: snapshot && {
      builtAt: snapshot.builtAt,
      languages: snapshot.languages,
      rules: snapshot.rules.length,
      templates: snapshot.templates.get(snapshot.settings.defaultLanguage)?.size ?? 0,
    },
    lastReload: last && { at: last.at, ok: last.ok, problems: last.problems.map(formatProblem) },
  };
}
