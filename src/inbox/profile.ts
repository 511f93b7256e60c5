// The shopper panel: who the shopper is as far as the store knows — language, country, the page the chat started
// on, the signed-in customer, the orders they proved are theirs, their open case and earlier conversations.
import type { AttachmentService } from '../attachments/index.js';
import type { Order, OrderSource } from '../orders/index.js';
import { type CaseView, localeRegion, type ShopperProfile } from '../shared/index.js';
import type { ConversationRecord, Store } from '../store/index.js';

const ORDERS_SHOWN = 5;
const PAST_SHOWN = 10;

export interface ProfileOptions {
  store: Store;
  orders?: OrderSource;
  attachments: Pick<AttachmentService, 'list'>;
}

export function createProfiles({ store, orders, attachments }: ProfileOptions) {
  /** The conversation's case as the agent sees it first: order, problem and the photos, with fresh links. */
  async function caseView(record: ConversationRecord): Promise<CaseView | undefined> {
    const current = record.state.case;
    if (!current) return undefined;
    const photos = (await attachments.list(record.id)).filter((photo) => current.attachmentIds.includes(photo.id));
    return {
      status: current.status,
      orderNumber: current.orderNumber,
      problem: current.problem,
      openedAt: current.openedAt,
      ...(current.ownerVerified === false ? { ownerVerified: false } : {}),
      photos,
    };
  }

  /** A signed-in customer's latest orders, or the ones a guest proved with their e-mail. */
  async function verifiedOrders(record: ConversationRecord): Promise<Order[]> {
    if (!orders) return [];
    if (record.customerId) return orders.listByCustomer(record.customerId, ORDERS_SHOWN);
    const found = await Promise.all((record.state.verifiedOrders ?? []).slice(-ORDERS_SHOWN).map((number) => orders.findByNumber(number)));
    return found.filter((order): order is Order => !!order).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async function pastConversations(record: ConversationRecord): Promise<ShopperProfile['pastConversations']> {
    if (!record.customerId) return [];
    const others = (await store.listConversationsByCustomer(record.customerId)).filter((other) => other.id !== record.id).slice(0, PAST_SHOWN);
    const digests = await store.messageDigests(others.map((other) => other.id));
    return others.map((other) => ({
      id: other.id,
      status: other.status,
      createdAt: other.createdAt,
      updatedAt: other.updatedAt,
      lastMessage: digests.get(other.id)?.lastMessage,
    }));
  }

  return {
    caseView,

    async profile(record: ConversationRecord): Promise<ShopperProfile> {
      // The store's order system may be slow or down: the rest of the panel does not wait on its failure.
      const [listed, view, past] = await Promise.all([
        verifiedOrders(record).then(
          (found) => ({ found }),
          () => undefined,
        ),
        caseView(record),
        pastConversations(record),
      ]);
      const latest = listed?.found[0];
      return {
        conversationId: record.id,
        language: record.state.language,
        locale: record.locale,
        country: record.state.customerCountry ?? latest?.shipping.country ?? localeRegion(record.locale),
        page: record.page,
        customerId: record.customerId,
        contactEmail: record.contactEmail,
        tags: record.state.tags ?? [],
        orders: (listed?.found ?? []).map((order) => ({
          number: order.number,
          status: order.status,
          total: order.total,
          currency: order.currency,
          createdAt: order.createdAt,
        })),
        ...(listed ? {} : { ordersUnavailable: true }),
        ...(view ? { case: view } : {}),
        pastConversations: past,
      };
    },
  };
}

export type Profiles = ReturnType<typeof createProfiles>;
