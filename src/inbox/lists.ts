// The agents' lists beyond the live queue: the closed conversations and a search, both over the most recently
// active conversations (a bounded window, so a search never reads the whole store).
import type { ConversationSummary } from '../shared/index.js';
import type { ConversationRecord, Store } from '../store/index.js';
import { summarize } from './summary.js';

/** How many of the most recently active conversations the closed list and a search look through. */
export const SEARCH_WINDOW = 1000;
const PAGE = 200;
export const LIST_LIMIT = 50;

export interface ListOptions {
  store: Store;
  now: () => Date;
  /** For the names of the agents holding conversations. */
  /** The agents by id, for their names on the lists (the hand-off desk's directory). */
  directory: { all(): Promise<ReadonlyMap<string, { name: string }>> };
}

const normalized = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/^#(?=\d)/, '');

/** What a record says of itself that an agent may search for: id, e-mail, customer, order numbers, tags. */
function recordMatches(record: ConversationRecord, query: string): boolean {
  const fields = [
    record.id,
    record.contactEmail,
    record.customerId,
    record.handoff?.order?.number,
    record.state.orderNumber,
    record.state.case?.orderNumber,
    ...(record.state.verifiedOrders ?? []),
    ...(record.state.tags ?? []),
  ];
  return fields.some((field) => field !== undefined && field.toLowerCase().includes(query));
}

export function createLists({ store, now, directory }: ListOptions) {
  async function toSummaries(records: ConversationRecord[]): Promise<ConversationSummary[]> {
    const current = now();
    const agents = await directory.all();
    const agentName = (agentId: string) => agents.get(agentId)?.name;
    const digests = await store.messageDigests(records.map((record) => record.id));
    return records.map((record) => summarize(record, digests.get(record.id), { now: current, agentName }));
  }

  /** Walks the window newest first, keeping what `keep` accepts, until `limit` are found. */
  async function scan(keep: (records: ConversationRecord[]) => Promise<ConversationRecord[]>, limit: number): Promise<ConversationRecord[]> {
    const found: ConversationRecord[] = [];
    for (let offset = 0; offset < SEARCH_WINDOW && found.length < limit; offset += PAGE) {
      const page = await store.listRecentConversations(PAGE, offset);
      found.push(...(await keep(page)));
      if (page.length < PAGE) break;
    }
    return found.slice(0, limit);
  }

  return {
    /** Resolved conversations, most recently closed first. */
    async closed(limit = LIST_LIMIT): Promise<ConversationSummary[]> {
      return toSummaries(await scan(async (page) => page.filter((record) => record.status === 'closed'), limit));
    },

    /**
     * Conversations whose id, e-mail, customer id, order numbers or tags contain the query, or whose messages do.
     * A whole conversation id finds its conversation wherever it is.
     */
    async search(rawQuery: string, limit = LIST_LIMIT): Promise<ConversationSummary[]> {
      const query = normalized(rawQuery);
      if (query.length < 2) return [];
      const exact = await store.getConversation(rawQuery.trim());
      const found = await scan(async (page) => {
        const candidates = page.filter((record) => record.id !== exact?.id);
        const texts = await Promise.all(
          candidates.map(
            async (record) =>
              recordMatches(record, query) || (await store.listMessages(record.id)).some((message) => message.text.toLowerCase().includes(query)),
          ),
        );
        return candidates.filter((_record, index) => texts[index]);
      }, limit);
      return toSummaries(exact ? [exact, ...found].slice(0, limit) : found);
    },
  };
}

export type Lists = ReturnType<typeof createLists>;
