// The console's HTTP calls and its socket to /agent: server events become store actions; commands answer with the
// server's ack, and a refusal is shown to the agent.
import { io, type Socket } from 'socket.io-client';
import type { Ack, ConversationSummary, Message, QueueChange } from '../../shared/protocol.js';
import { dispatch, store, type Profile } from './store.js';

const TOKEN_KEY = 'borderless:agent-token';

export async function api<T>(path: string, init: RequestInit = {}, token = store.get().session?.token): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new Error(body.error?.message ?? `HTTP ${response.status}`);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

let socket: Socket | undefined;

export async function act<T extends object = Record<string, unknown>>(event: string, payload: object): Promise<Ack<T>> {
  if (!socket) return { ok: false, error: { code: 'unavailable', message: 'not connected' } };
  const response = (await socket
    .timeout(10_000)
    .emitWithAck(event, payload)
    .catch(() => ({ ok: false, error: { code: 'unavailable', message: 'the server did not answer; try again' } }))) as Ack<T>;
  if (!response.ok) dispatch({ type: 'noticeShown', notice: response.error.message });
  return response;
}

export const emit = (event: string, payload: object) => socket?.emit(event, payload);

function connect(token: string, onMessage: (message: Message) => void, onQueue: (queue: ConversationSummary[]) => void): void {
  // The whole queue on connect and on every reconnect, then one change per conversation.
  socket = io('/agent', { auth: { token, queueChanges: true }, transports: ['websocket', 'polling'] });
  socket.on('connect', () => dispatch({ type: 'connectionChanged', connection: 'online' }));
  socket.on('disconnect', () => dispatch({ type: 'connectionChanged', connection: 'offline' }));
  socket.on('queue', (queue: ConversationSummary[]) => {
    onQueue(queue);
    dispatch({ type: 'queueReplaced', conversations: queue });
  });
  socket.on('queueChange', (change: QueueChange) => {
    dispatch(
      change.type === 'updated'
        ? { type: 'conversationUpdated', conversation: change.conversation }
        : { type: 'conversationRemoved', conversationId: change.conversationId },
    );
    onQueue(store.get().open);
  });
  socket.on('message', (message: Message) => {
    dispatch({ type: 'messageReceived', message });
    onMessage(message);
  });
  socket.on('typing', (event: { conversationId: string; typing: boolean }) => dispatch({ type: 'typingChanged', ...event }));
  socket.on('connect_error', (error: Error) => {
    dispatch({ type: 'connectionChanged', connection: 'offline' });
    if (/expired|does not exist|token/.test(error.message)) signOut('Your session has ended. Please sign in again.');
  });
}

/** Starts the console for a token: who the agent is, then the socket. */
export async function start(token: string, listeners: { onMessage(message: Message): void; onQueue(queue: ConversationSummary[]): void }): Promise<void> {
  const me = await api<{ agent: Profile; translator?: string }>('/api/v1/auth/me', {}, token);
  sessionStorage.setItem(TOKEN_KEY, token);
  dispatch({ type: 'signedIn', session: { token, agent: me.agent, translator: me.translator } });
  connect(token, listeners.onMessage, listeners.onQueue);
}

export async function signIn(email: string, password: string): Promise<string> {
  const session = await api<{ token: string }>('/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) }, undefined);
  return session.token;
}

export function savedToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

export function signOut(message?: string): void {
  const token = store.get().session?.token;
  if (token && !message) void api('/api/v1/auth/logout', { method: 'POST' }, token).catch(() => undefined);
  sessionStorage.removeItem(TOKEN_KEY);
  socket?.disconnect();
  socket = undefined;
  dispatch({ type: 'signedOut', message });
}
