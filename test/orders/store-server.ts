// A real local HTTP server standing in for a store's API in tests; each test says how it answers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (request: SeenRequest, response: ServerResponse) => void | Promise<void>;

export interface StoreServer {
  url: string;
  requests: SeenRequest[];
  /** Changes how the server answers from the next request on. */
  answer(handler: Handler): void;
  close(): Promise<void>;
}

export const sendJson = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

export async function startStoreServer(handler: Handler): Promise<StoreServer> {
  let current = handler;
  const requests: SeenRequest[] = [];
  const server = createServer(async (incoming, response) => {
    let body = '';
    for await (const chunk of incoming) body += chunk;
    const seen = { method: incoming.method ?? 'GET', url: incoming.url ?? '/', headers: incoming.headers, body };
    requests.push(seen);
    await current(seen, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export { recordingLogger } from '../recording-logger.js';
