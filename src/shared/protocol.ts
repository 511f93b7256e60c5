// The socket protocol's types, shared by the server, the widget and the console
// (docs/architecture.md lists the events).
export type Author = 'shopper' | 'bot' | 'agent' | 'system';
export type ConversationStatus = 'bot' | 'queued' | 'assigned' | 'closed';

export interface QuickReply {
  label: string;
  value: string;
}

/** The picture types the server accepts, checked by their content. */
export type AttachmentType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';

/**
 * A picture in a message. `url` is a short-lived signed link, relative to the Borderless server
 * (`/api/v1/attachments/:id?expires=…&sig=…`); it is issued fresh each time a message or the history is sent.
 */
export interface Attachment {
  id: string;
  type: AttachmentType;
  width: number;
  height: number;
  url: string;
}

/** A product under a bot's reply: its picture, title, price in the shopper's currency ("≈" when converted) and page. */
export interface ProductCard {
  productId: string;
  title: string;
  price?: string;
  /** http(s) addresses only. */
  image?: string;
  url?: string;
}

export interface Message {
  id: string;
  conversationId: string;
  author: Author;
  /** May be empty when the message carries only pictures. */
  text: string;
  quickReplies?: QuickReply[];
  attachments?: Attachment[];
  /** Products the reply is about, shown as cards. */
  cards?: ProductCard[];
  createdAt: string;
  /** The name of the agent who wrote it, shown on both sides ("Ana"). */
  authorName?: string;
  /** Agents' side only: the agent who wrote it, an internal note (never shown to the shopper), and what the bot
   * understood of a shopper message. */
  agentId?: string;
  internal?: boolean;
  understanding?: { language: string; intent: string; confidence: number };
  /** Agents' side only: what a system line records (its text is in the shopper's language). */
  event?: DeskEvent;
  /** Agents' side only: on a note, the id of the reply it is the original of (an agent's words before translation). */
  originalOf?: string;
}

/** A change of hands, recorded in the conversation as a system line. */
export interface DeskEvent {
  kind: 'claimed' | 'transferred' | 'released' | 'resolved' | 'requeued';
  agentName: string;
  /** For a transfer: who takes over. */
  toAgentName?: string;
}

/** A conversation as the agents' queue shows it. */
export interface ConversationSummary {
  id: string;
  status: ConversationStatus;
  language?: string;
  intent?: string;
  priority: number;
  queuedAt?: string;
  waitingSeconds?: number;
  assignedTo?: string;
  contactEmail?: string;
  /** Tags the rules gave the conversation, e.g. "complaint". */
  tags?: string[];
  /** The order the hand-off is about ("100234", "shipped"), when the bot looked one up. */
  order?: { number: string; status?: string; request?: string };
  /** The shopper's open case (a damaged, wrong, missing or faulty item), when the rules opened one. */
  case?: { orderNumber?: string; problem?: string; photos: number; ownerVerified?: false };
  lastMessage?: string;
  /** Shopper messages since the agent holding it last replied. */
  unread: number;
  /** Why the bot handed off ("requested", "low_confidence", "dispute"…) and the intent it was about. */
  handoffReason?: string;
  handoffIntent?: string;
  /** The name of the agent holding it. */
  assignedToName?: string;
  /** The store's customer id, for a signed-in shopper. */
  customerId?: string;
  createdAt?: string;
  updatedAt?: string;
}

/**
 * One conversation's change in the agents' list (queued and assigned conversations), sent as `queueChange` to a
 * console that asked for changes (handshake `queueChanges: true`) instead of the whole `queue` on every change.
 */
export type QueueChange = { type: 'updated'; conversation: ConversationSummary } | { type: 'removed'; conversationId: string };

/** What the agent knows of the shopper: the shopper panel beside a conversation. */
export interface ShopperProfile {
  conversationId: string;
  language?: string;
  locale?: string;
  /** ISO 3166-1 alpha-2, from the verified order or the widget's locale. */
  country?: string;
  /** The page the chat started on. */
  page?: string;
  customerId?: string;
  contactEmail?: string;
  tags: string[];
  /** Orders the shopper proved are theirs (or the signed-in customer's), newest first. */
  orders: { number: string; status: string; total: number; currency: string; createdAt: string }[];
  /** True when the store's order system did not answer. */
  ordersUnavailable?: boolean;
  case?: CaseView;
  /** Earlier conversations of the same signed-in customer, newest first. */
  pastConversations: { id: string; status: ConversationStatus; createdAt: string; updatedAt: string; lastMessage?: string }[];
}

/** A message put into another language for the agent. */
export interface Translation {
  messageId: string;
  text: string;
  from: string;
  to: string;
}

export interface SessionEvent {
  conversationId: string;
  token: string;
  language: string;
  status: ConversationStatus;
  /** True while a closed conversation has not been rated: the widget asks for a rating. */
  awaitingRating?: boolean;
}

/** A case as the agent sees it first: the order, the kind of problem and the shopper's photos. */
export interface CaseView {
  status: 'collecting' | 'open';
  orderNumber?: string;
  problem?: string;
  openedAt?: string;
  /** False when the shopper never proved the order is theirs (a guest who gave only its number). */
  ownerVerified?: false;
  photos: Attachment[];
}

export interface StatusEvent {
  status: ConversationStatus;
  queuePosition?: number;
  estimatedWaitSeconds?: number;
  /** The line the shopper reads about it ("You are number 2 in line…"), in the conversation's language. */
  text?: string;
}

export interface ErrorBody {
  code: string;
  message: string;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorBody };

/** What a shopper's socket sends: text, pictures uploaded to this conversation (their ids), or both. */
export interface ShopperMessagePayload {
  text?: string;
  attachments?: string[];
  clientMessageId: string;
  /** The value of the quick reply the shopper clicked, if any. */
  payload?: string;
}

export interface ShopperToServer {
  message(payload: ShopperMessagePayload, ack: (response: Ack<{ id: string }>) => void): void;
  typing(payload: { typing: boolean }): void;
  rating(payload: { score: number; comment?: string }, ack: (response: Ack) => void): void;
  /** Optional: stores a new conversation before its first write is a picture (a message stores it by itself). */
  start(ack: (response: Ack) => void): void;
}

export interface ServerToShopper {
  session(event: SessionEvent): void;
  history(messages: Message[]): void;
  message(message: Message): void;
  status(event: StatusEvent): void;
  typing(event: { typing: boolean }): void;
}

/** The widget's strings for one language, from locales/<lang>/ui.json, with its welcome from templates/<lang>/. */
export interface WidgetStrings {
  language: string;
  dir: 'ltr' | 'rtl';
  strings: Record<string, string>;
  /** The welcome message and the store's top topics as quick replies (template "widget.welcome"). */
  welcome?: { text: string; quickReplies: QuickReply[] };
  /** Labels of the intents in this language, for topics a store names itself (data-topics). */
  intents?: Record<string, string>;
  /** False when the page's origin may not open the chat (not in ALLOWED_ORIGINS). */
  originAllowed: boolean;
}

/** The store's analytics (GET /api/v1/admin/analytics), shared with the console's Analytics page. */
export interface HandoffBreakdown {
  conversations: number;
  handoffs: number;
  handoffRate: number;
}

export interface Analytics {
  conversations: number;
  automationRate: number;
  handoffRate: number;
  handoffsByIntent: Record<string, HandoffBreakdown>;
  handoffsByLanguage: Record<string, HandoffBreakdown>;
  averageWaitSeconds: number | null;
  averageFirstResponseSeconds: number | null;
  ratings: number;
  ratingAverage: number | null;
  topUnanswered: { language: string; guessedIntent: string; count: number; messages: { text: string; count: number; confidence: number }[] }[];
}
