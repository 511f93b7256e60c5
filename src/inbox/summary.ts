// A conversation as the agents' list shows it: who, why it was handed off, how long it waited, what was said last.
import type { ConversationSummary } from '../shared/index.js';
import { EMPTY_DIGEST, type ConversationRecord, type MessageDigest } from '../store/index.js';

/** `digest`: the store's digest of its messages (unread count, last message), never the messages themselves. */
export function summarize(
  record: ConversationRecord,
  digest: MessageDigest | undefined,
  options: { now: Date; agentName(agentId: string): string | undefined },
): ConversationSummary {
  const openCase = record.state.case?.status === 'open' ? record.state.case : undefined;
  return {
    id: record.id,
    status: record.status,
    language: record.state.language,
    intent: record.lastIntent,
    priority: record.priority ?? 0,
    queuedAt: record.queuedAt,
    waitingSeconds: record.queuedAt && record.status === 'queued' ? Math.round((options.now.getTime() - Date.parse(record.queuedAt)) / 1000) : undefined,
    assignedTo: record.assignedTo,
    ...(record.assignedTo ? { assignedToName: options.agentName(record.assignedTo) } : {}),
    contactEmail: record.contactEmail,
    tags: record.state.tags,
    ...(record.handoff ? { handoffReason: record.handoff.reason, handoffIntent: record.handoff.intent } : {}),
    ...(record.handoff?.order ? { order: record.handoff.order } : {}),
    ...(openCase
      ? {
          case: {
            orderNumber: openCase.orderNumber,
            problem: openCase.problem,
            photos: openCase.attachmentIds.length,
            ...(openCase.ownerVerified === false ? { ownerVerified: false } : {}),
          },
        }
      : {}),
    ...(record.customerId ? { customerId: record.customerId } : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    unread: (digest ?? EMPTY_DIGEST).unread,
    ...(digest?.lastMessage !== undefined ? { lastMessage: digest.lastMessage } : {}),
  };
}
