import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { io as connect } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { groupSuggestions } from '../../src/learning/suggestions.js';
import { projectRoot, startTestServer } from '../helpers.js';

const run = promisify(execFile);

describe('suggestions from traffic', () => {
  it('groups by language and guessed intent, counting the same words once', () => {
    const at = '2026-11-23T10:00:00Z';
    const groups = groupSuggestions([
      { text: 'Parcel gone?', language: 'en', guessedIntent: 'order_status', confidence: 0.4, at },
      { text: 'parcel gone', language: 'en', guessedIntent: 'order_status', confidence: 0.42, at },
      { text: 'what about the thing', language: 'en', guessedIntent: 'product_question', confidence: 0.3, at },
    ]);
    expect(groups).toEqual([
      { language: 'en', guessedIntent: 'order_status', count: 2, messages: [{ text: 'Parcel gone?', count: 2, confidence: 0.4 }] },
      { language: 'en', guessedIntent: 'product_question', count: 1, messages: [{ text: 'what about the thing', count: 1, confidence: 0.3 }] },
    ]);
  });

  it('borderless suggest lists what shoppers wrote that the bot was unsure of', async () => {
    const server = await startTestServer({ SHOPPER_MESSAGES_PER_MINUTE: '0' });
    try {
      const socket = connect(`${server.url}/shopper`, { transports: ['websocket'], forceNew: true });
      await new Promise((resolve) => socket.once('history', resolve));
      await socket.emitWithAck('message', { text: 'blorp quax my email is x@y.com', clientMessageId: randomUUID() });
      socket.disconnect();
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'suggest', '--server', server.url], {
        cwd: projectRoot,
        env: { ...process.env, OPERATOR_TOKEN: 'test-operator-token-0123456789' },
      });
      expect(stdout).toMatch(/en · guessed \w+ · 1 message\(s\)/);
      expect(stdout).toContain('"blorp quax my email is <email>"');
    } finally {
      await server.close();
    }
  });
});
