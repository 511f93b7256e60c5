// borderless check: validates all content; prints file:line:col lines and a summary; exit 1 on errors.
import type { Config } from '../config.js';
import { loadSnapshot } from '../knowledge/index.js';
import { formatProblem } from '../shared/index.js';

export async function checkCommand(config: Config): Promise<number> {
  const { problems } = await loadSnapshot(config.CONTENT_DIR);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
  const verdict = errors > 0 ? 'content has errors' : 'content is valid';
  process.stdout.write(`${verdict}: ${errors} error(s), ${warnings} warning(s)\n`);
  return errors > 0 ? 1 : 0;
}
