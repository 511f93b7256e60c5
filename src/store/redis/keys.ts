// Where the Redis store keeps what: every key lives under one prefix, so several deployments can share a server.
import type { Redis } from 'ioredis';
import type { ConversationStatus } from '../../shared/index.js';

export function redisKeys(prefix: string) {
  return {
    conversation: (id: string) => `${prefix}conversation:${id}`,
    token: (hash: string) => `${prefix}token:${hash}`,
    status: (status: ConversationStatus) => `${prefix}status:${status}`,
    messages: (id: string) => `${prefix}messages:${id}`,
    digest: (id: string) => `${prefix}digest:${id}`,
    clientMessages: (id: string) => `${prefix}client-messages:${id}`,
    customer: (customerId: string) => `${prefix}customer:${customerId}`,
    updated: `${prefix}updated`,
    empty: `${prefix}empty`,
    analytics: `${prefix}analytics`,
    remembered: (name: string) => `${prefix}once:${name}`,
    jobsDue: `${prefix}jobs:due`,
    jobs: `${prefix}jobs`,
    session: (hash: string) => `${prefix}session:${hash}`,
    agents: `${prefix}agents`,
    handlingTimes: `${prefix}handling-times`,
    audit: `${prefix}audit`,
    unanswered: `${prefix}unanswered`,
    hits: (name: string, window: number) => `${prefix}hits:${name}:${window}`,
    failures: (name: string) => `${prefix}failures:${name}`,
    attachment: (id: string) => `${prefix}attachment:${id}`,
    attachments: (conversationId: string) => `${prefix}attachments:${conversationId}`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;

/** What every part of the Redis store works with: the shared connection and the key layout. */
export interface RedisContext {
  redis: Redis;
  key: RedisKeys;
}

export const STATUSES: ConversationStatus[] = ['bot', 'queued', 'assigned', 'closed'];

/** A stored JSON value, or undefined for a missing key. */
export const parseStored = <T>(text: string | null): T | undefined => (text === null ? undefined : (JSON.parse(text) as T));

/** The values of an MGET that were found, parsed. */
export const parseFound = <T>(texts: (string | null)[]): T[] => texts.flatMap((text) => (text ? [JSON.parse(text) as T] : []));
