// borderless check: validates all content; prints file:line:col lines and a summary; exit 1 on errors.
import type { Config } from '../config.js';
import { loadSnapshot, modelCacheDirIn } from '../knowledge/index.js';
import { catalogueFileProblems } from '../products/index.js';
import { formatProblem } from '../shared/index.js';

export async function checkCommand(config: Config): Promise<number> {
  const loaded = await loadSnapshot(config.CONTENT_DIR, { modelCacheDir: modelCacheDirIn(config.DATA_DIR) });
  const { snapshot } = loaded;
  // The catalogue the file source reads is checked too (a remote catalogue is checked as it is read).
  const catalogue =
    config.PRODUCT_SOURCE === 'file' ? await catalogueFileProblems(config.DATA_DIR, snapshot?.settings.defaultLanguage ?? 'en', config.CONTENT_DIR) : [];
  const problems = [...loaded.problems, ...catalogue];
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
  // Each language's threshold, and how many in-scope messages it answers, on the cross-validated predictions.
  for (const [language, choice] of snapshot?.intentThresholds ?? []) {
    const how = choice.source === 'targetPrecision' ? `for target precision ${choice.targetPrecision}` : 'set as confidenceThreshold';
    const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
    process.stdout.write(
      `intent threshold ${language}: ${choice.threshold.toFixed(3)} (${how}): precision ${percent(choice.precision)}, coverage ${percent(choice.coverage)} on cross-validation\n`,
    );
  }
  const verdict = errors > 0 ? 'content has errors' : 'content is valid';
  process.stdout.write(`${verdict}: ${errors} error(s), ${warnings} warning(s)\n`);
  return errors > 0 ? 1 : 0;
}
