// SIGTERM under load: the server stops taking work, closes every socket itself and exits cleanly.
import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { Ack } from '../../src/shared/protocol.js';
import { startServerProcess } from '../helpers.js';

describe('hardening: SIGTERM under load', () => {
  it('drains connections, answers or closes every pending message, and exits 0', async () => {
    const { url, child, exited, output } = await startServerProcess({ SHOPPER_MESSAGES_PER_MINUTE: '0' });

    const sockets: Socket[] = [];
    const closedByServer: string[] = [];
    const outcomes = { acknowledged: 0, refused: 0, cutOff: 0 };
    let sending = true;
    for (let index = 0; index < 20; index++) {
      const socket = connect(`${url}/shopper`, { transports: ['websocket'], forceNew: true, reconnection: false });
      sockets.push(socket);
      socket.on('disconnect', (reason) => closedByServer.push(reason));
      await new Promise((resolve) => socket.once('history', resolve));
      void (async () => {
        while (sending && socket.connected) {
          try {
            const ack = (await socket.timeout(3000).emitWithAck('message', { text: 'where is my order 100234', clientMessageId: randomUUID() })) as Ack;
            if (ack.ok) outcomes.acknowledged++;
            else outcomes.refused++;
          } catch {
            outcomes.cutOff++; // the socket closed before the answer: the widget resends it on reconnect
          }
        }
      })();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGTERM');
    const code = await exited;
    sending = false;
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(code).toBe(0);
    expect(output()).toContain('shutting down');
    expect(outcomes.acknowledged).toBeGreaterThan(0);
    expect(outcomes.refused).toBe(0);
    expect(outcomes.cutOff).toBeLessThanOrEqual(20); // at most the one message each socket had in flight
    expect(closedByServer).toHaveLength(20);
    expect(closedByServer.every((reason) => reason === 'io server disconnect' || reason === 'transport close')).toBe(true);
    for (const socket of sockets) socket.disconnect();
  }, 30_000);
});
