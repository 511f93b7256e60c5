// A bare Socket.IO server speaking the /shopper protocol's shape: it stores nothing and answers every message with
// its own text. The chat benchmark runs it under the same load as Borderless; the ratio is the figure.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.argv[2] ?? 0);
const http = createServer();
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 16 * 1024 });
io.of('/shopper').on('connection', (socket) => {
  const conversationId = randomUUID();
  socket.emit('session', { conversationId, token: randomUUID(), language: 'en', status: 'bot' });
  socket.emit('history', []);
  socket.on('message', (payload: { text: string }, ack: (response: object) => void) => {
    const id = randomUUID();
    if (typeof ack === 'function') ack({ ok: true, id });
    socket.emit('message', { id: randomUUID(), conversationId, author: 'bot', text: payload.text, createdAt: new Date().toISOString() });
  });
});
http.listen(port, '127.0.0.1', () => process.send?.({ port: (http.address() as { port: number }).port }));
