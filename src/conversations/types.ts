// What the conversations module shares with the gateway: how it reaches clients, logs, and the shapes it hands over.
import type { Attachment, Message, StatusEvent } from '../shared/index.js';
import type { ConversationRecord } from '../store/index.js';

/** How the service reaches connected clients; the realtime layer implements it. */
export interface Publisher {
  /** To the shopper's sockets (never an internal note) and to the agent holding the conversation. */
  message(record: ConversationRecord, message: Message, options?: { exceptSocket?: string }): void;
  status(conversationId: string, event: StatusEvent): void;
  /**
   * The queue changed: these conversations were added to the agents' list, changed or left it (none: only the
   * places in line or the agents online changed). Queued shoppers hear their position again.
   */
  queueChanged(...conversationIds: string[]): void;
}

export type { Logger } from '../shared/index.js';

export interface Session {
  conversation: ConversationRecord;
  /** The secret that resumes this conversation; only the shopper's browser keeps it. */
  token: string;
  history: Message[];
  /** A new guest conversation, not stored until the shopper first writes in it. */
  isNew: boolean;
}

/** A shopper's message as the gateway hands it over: text (may be empty with pictures) and checked pictures. */
export interface IncomingShopperMessage {
  text: string;
  clientMessageId: string;
  payload?: string;
  /** Pictures already checked to belong to this conversation. */
  attachments?: Attachment[];
  /** The shopper's client address, for the limits it shares with other conversations (order look-ups). */
  address?: string;
  /** The page the shopper writes from: the product it shows and its address. */
  page?: { product?: string; url?: string };
}
