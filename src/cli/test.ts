// borderless test [PATH]: runs conversation tests (default: the content's conversation-tests/ folder).
import path from 'node:path';
import type { Config } from '../config.js';
import { describeFailure, runConversationTests } from '../conversation-tests/index.js';
import { formatProblem } from '../shared/index.js';
import { loadContentOrExit } from './load-content.js';

export async function testCommand(config: Config, target?: string): Promise<number> {
  const snapshot = await loadContentOrExit(config);
  const folder = path.resolve(target ?? path.join(config.CONTENT_DIR, 'conversation-tests'));
  let report;
  try {
    report = await runConversationTests(snapshot, folder, config.CONTENT_DIR);
  } catch (error) {
    process.stderr.write(`cannot read conversation tests at ${folder}: ${(error as Error).message}\n`);
    return 1;
  }
  for (const problem of report.problems) process.stdout.write(`${formatProblem(problem)}\n`);
  for (const failure of report.failures) process.stdout.write(`${describeFailure(failure)}\n\n`);
  const failedTests = new Set(report.failures.map((failure) => failure.test)).size;
  process.stdout.write(
    `${report.tests} conversation tests (${report.steps} steps) in ${report.files} files: ${report.tests - failedTests} passed, ${failedTests} failed` +
      `${report.problems.length ? `, ${report.problems.length} file problem(s)` : ''}\n`,
  );
  return failedTests > 0 || report.problems.length > 0 || report.tests === 0 ? 1 : 0;
}
