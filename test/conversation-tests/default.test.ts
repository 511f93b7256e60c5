import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFailure, runConversationTests } from '../../src/conversation-tests/index.js';
import { loadDefaultSnapshot, projectRoot } from '../helpers.js';

describe('the default conversation tests', () => {
  it('cover every intent in every language and pass', async () => {
    const snapshot = await loadDefaultSnapshot();
    const report = await runConversationTests(snapshot, path.join(projectRoot, 'conversation-tests'), projectRoot);
    expect(report.problems).toEqual([]);
    expect(report.failures.map(describeFailure)).toEqual([]);
    for (const language of snapshot.languages) {
      expect(report.tests, language).toBeGreaterThanOrEqual(17 * snapshot.languages.length);
    }
  });
});
