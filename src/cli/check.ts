// borderless check: validates all content; prints file:line:col lines and a summary; exit 1 on errors.
import type { Config } from '../config.js';
import { loadSnapshot } from '../knowledge/index.js';
import { catalogueFileProblems } from '../products/index.js';
import { formatProblem } from '../shared/errors.js';

export async function checkCommand(config: Config): Promise<number> {
  const loaded = await loadSnapshot(config.CONTENT_DIR);
  // The catalogue the file source reads is checked too (a remote catalogue is checked as it is read).
  const catalogue = config.PRODUCT_SOURCE === 'file' ? await catalogueFileProblems(config.DATA_DIR, loaded.snapshot?.settings.defaultLanguage ?? 'en', config.CONTENT_DIR) : [];
  const problems = [...loaded.problems, ...catalogue];
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
  const verdict = errors > 0 ? 'content has errors' : 'content is valid';
  process.stdout.write(`${verdict}: ${errors} error(s), ${warnings} warning(s)\n`);
  return errors > 0 ? 1 : 0;
}
