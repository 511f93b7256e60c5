// The store's orders as the bot sees them, whatever system they come from (a JSON file, a store's API, Shopify).

export type OrderStatus =
  | 'pending'
  | 'paid'
  | 'payment_failed'
  | 'processing'
  | 'shipped'
  | 'delayed'
  | 'out_for_delivery'
  | 'delivered'
  | 'cancelled'
  | 'refunded';

export interface OrderItem {
  sku: string;
  title: string;
  quantity: number;
  /** Unit price in the order's currency. */
  price: number;
  fragile?: boolean;
}

export interface Order {
  /** The number shoppers quote, digits only (e.g. "100234"). */
  number: string;
  status: OrderStatus;
  createdAt: string;
  /** ISO 4217, e.g. "EUR". */
  currency: string;
  total: number;
  customer: {
    id?: string;
    email: string;
    name?: string;
    /** BCP 47, e.g. "es-MX": the language messages about this order are written in. */
    locale?: string;
    /** ISO 3166-1 alpha-2. */
    country?: string;
    /** How many orders this customer has placed, this one included. */
    ordersCount?: number;
  };
  items: OrderItem[];
  shipping: {
    /** ISO 3166-1 alpha-2 of the delivery address. */
    country: string;
    carrier?: string;
    trackingCode?: string;
    trackingUrl?: string;
    shippedAt?: string;
    /** ISO date of the expected delivery. */
    estimatedDelivery?: string;
    deliveredAt?: string;
  };
  refund?: { status: 'requested' | 'pending' | 'issued' | 'declined'; amount?: number; issuedAt?: string };
}

/** What a request to the store about an order came to. */
export interface ActionResult {
  ok: boolean;
  /** Why it did not work, in the store's words (for the agent, not the shopper). */
  reason?: string;
}

/** Where orders come from. Look-ups are by the number a shopper quotes or by the store's customer id. */
export interface OrderSource {
  readonly name: string;
  findByNumber(orderNumber: string): Promise<Order | undefined>;
  /** The customer's orders, most recent first. */
  listByCustomer(customerId: string, limit?: number): Promise<Order[]>;
  /** Asks the store to cancel an order; absent when the source cannot (then a person does it). */
  requestCancellation?(orderNumber: string, reason: string): Promise<ActionResult>;
  /** Asks the store to change an order (address, size, ...); absent when the source cannot. */
  requestChange?(orderNumber: string, change: string): Promise<ActionResult>;
}

/** The store could not be reached or is failing fast (breaker open): the bot says so or hands off. */
export class OrderSourceUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OrderSourceUnavailable';
  }
}
