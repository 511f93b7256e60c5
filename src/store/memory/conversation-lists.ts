// The memory store's lists of conversations: by status (the queue), by customer, most recent, and the old or empty
// ones that retention removes.
import type { ConversationLists, ConversationRecord } from '../types.js';
import type { ConversationTable } from './conversation-table.js';

const byRecency = (a: ConversationRecord, b: ConversationRecord) => b.updatedAt.localeCompare(a.updatedAt);

export function memoryConversationLists({ records, byStatus, empty }: ConversationTable): ConversationLists {
  return {
    async listConversationsByStatus(statuses) {
      return statuses.flatMap((status) => [...(byStatus.get(status) ?? [])].map((id) => records.get(id)!));
    },
    async listConversationsByCustomer(customerId) {
      return [...records.values()].filter((record) => record.customerId === customerId).sort(byRecency);
    },
    async listRecentConversations(limit, offset = 0) {
      return [...records.values()].sort(byRecency).slice(offset, offset + limit);
    },
    async listConversationsUpdatedBefore(before, limit) {
      const cutoff = before.toISOString();
      return [...records.values()]
        .filter((record) => record.updatedAt < cutoff)
        .sort((a, b) => byRecency(b, a))
        .slice(0, limit);
    },
    async listEmptyConversations(createdBefore, limit) {
      const ids: string[] = [];
      for (const [id, createdAt] of empty) {
        if (createdAt >= createdBefore.getTime() || ids.length === limit) break;
        ids.push(id);
      }
      return ids;
    },
  };
}
