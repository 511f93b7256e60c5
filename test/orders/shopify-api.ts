// A small local server answering like Shopify's REST Admin API (orders by name, a customer's orders, the access
// token check), and how an Order would look there.
import type { Order } from '../../src/orders/index.js';
import { sendJson, startStoreServer, type StoreServer } from './store-server.js';

export const SHOPIFY_TOKEN = 'shpat_0123456789abcdef';
export const API_VERSION = '2024-10';

export type ShopifyOrderJson = Record<string, unknown> & { name: string; created_at: string; customer?: ({ id: number } & Record<string, unknown>) | null };

/** Shopify's order for an Order, with the fields a shop would fill for it. */
export function toShopifyOrder(order: Order, id: number): ShopifyOrderJson {
  const isShipped = ['shipped', 'out_for_delivery', 'delivered'].includes(order.status);
  const [firstName, ...lastName] = (order.customer.name ?? '').split(' ');
  return {
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#${order.number}`,
    order_number: Number(order.number),
    email: order.customer.email,
    created_at: order.createdAt,
    cancelled_at: order.status === 'cancelled' ? order.createdAt : null,
    financial_status: ({ pending: 'pending', payment_failed: 'expired', refunded: 'refunded' } as Record<string, string>)[order.status] ?? 'paid',
    fulfillment_status: isShipped ? 'fulfilled' : null,
    currency: order.currency,
    total_price: order.total.toFixed(2),
    customer_locale: order.customer.locale ?? null,
    customer: order.customer.id
      ? {
          id: Number(order.customer.id),
          email: order.customer.email,
          first_name: firstName,
          last_name: lastName.join(' '),
          orders_count: order.customer.orderCount ?? 1,
          default_address: null,
        }
      : null,
    shipping_address: { country_code: order.shipping.country, province_code: null },
    billing_address: null,
    line_items: order.items.map((item, index) => ({
      id: id * 10 + index,
      sku: item.sku,
      title: item.title,
      name: item.title,
      variant_title: null,
      quantity: item.quantity,
      price: item.price.toFixed(2),
      properties: [],
    })),
    fulfillments: isShipped
      ? [
          {
            id: id * 10,
            status: 'success',
            created_at: order.shipping.shippedAt,
            tracking_company: order.shipping.carrier ?? null,
            tracking_number: order.shipping.trackingCode ?? null,
            tracking_url: order.shipping.trackingUrl ?? null,
            shipment_status: ({ shipped: 'in_transit', out_for_delivery: 'out_for_delivery', delivered: 'delivered' } as Record<string, string>)[order.status],
          },
        ]
      : [],
    refunds: [],
  };
}

/** Serves these Shopify orders like the Admin API: the token is checked, and the name filter is loose, as Shopify's is. */
export function startShopifyServer(orders: ShopifyOrderJson[]): Promise<StoreServer> {
  return startStoreServer((request, response) => {
    if (request.headers['x-shopify-access-token'] !== SHOPIFY_TOKEN) {
      return sendJson(response, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
    }
    const { pathname, searchParams } = new URL(request.url, 'http://shop');
    if (searchParams.get('status') !== 'any') return sendJson(response, 200, { orders: [] }); // Shopify's default hides closed and cancelled orders
    if (pathname === `/admin/api/${API_VERSION}/orders.json`) {
      const name = searchParams.get('name') ?? '';
      return sendJson(response, 200, { orders: orders.filter((order) => order.name.startsWith(name)) });
    }
    const byCustomer = new RegExp(`^/admin/api/${API_VERSION}/customers/(\\d+)/orders\\.json$`).exec(pathname);
    if (byCustomer) {
      const limit = Number(searchParams.get('limit') ?? 50);
      const found = orders.filter((order) => String(order.customer?.id) === byCustomer[1]).sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at)); // newest first, as Shopify lists them
      return sendJson(response, 200, { orders: found.slice(0, limit) });
    }
    sendJson(response, 404, { errors: 'Not Found' });
  });
}
