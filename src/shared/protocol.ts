// The socket protocol's types, shared by the server, the widget and the console (DESIGN §6).
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

export interface Message {
  id: string;
  conversationId: string;
  author: Author;
  /** May be empty when the message carries only pictures. */
  text: string;
  quickReplies?: QuickReply[];
  attachments?: Attachment[];
  createdAt: string;
  /** Agents' side only: the agent who wrote it, an internal note (never shown to the shopper), and what the bot
   * understood of a shopper message. */
  agentId?: string;
  internal?: boolean;
  understanding?: { language: string; intent: string; confidence: number };
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
  case?: { orderNumber?: string; problem?: string; photos: number };
  lastMessage?: string;
  /** Shopper messages since the agent holding it last replied. */
  unread: number;
}

export interface SessionEvent {
  conversationId: string;
  token: string;
  language: string;
  status: ConversationStatus;
}

/** A case as the agent sees it first: the order, the kind of problem and the shopper's photos. */
export interface CaseView {
  status: 'collecting' | 'open';
  orderNumber?: string;
  problem?: string;
  openedAt?: string;
  photos: Attachment[];
}

export interface StatusEvent {
  status: ConversationStatus;
  queuePosition?: number;
  estimatedWaitSeconds?: number;
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
}

export interface ServerToShopper {
  session(event: SessionEvent): void;
  history(messages: Message[]): void;
  message(message: Message): void;
  status(event: StatusEvent): void;
  typing(event: { typing: boolean }): void;
}

/** The widget's strings for one language, from locales/<lang>/ui.json. */
export interface WidgetStrings {
  language: string;
  dir: 'ltr' | 'rtl';
  strings: Record<string, string>;
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
