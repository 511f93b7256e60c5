// The store's options, from the script tag's data-* attributes.
export interface WidgetOptions {
  /** The Borderless server's origin (where widget.js came from). */
  server: string;
  title?: string;
  accent?: string;
  position: 'left' | 'right';
  locale: string;
  /** The store's own welcome text, instead of the content's. */
  greeting?: string;
  /** The store's own topics: intent ids ("order_status,return_request"); an empty value shows none. */
  topics?: string[];
  /** A customer signed in by the store: the id and the store's signature of it. */
  identity?: { customerId: string; hash: string };
  /** The product this page shows (its id, handle or SKU): "is this in stock?" is about it. */
  product?: string;
}

export function readOptions(script: HTMLScriptElement): WidgetOptions {
  const data = script.dataset;
  return {
    server: new URL(script.src, location.href).origin,
    title: data.title || undefined,
    accent: data.accent && CSS.supports('color', data.accent) ? data.accent : undefined,
    position: data.position === 'left' ? 'left' : 'right',
    locale: data.locale || navigator.language || 'en',
    greeting: data.greeting || undefined,
    topics:
      data.topics === undefined
        ? undefined
        : data.topics
            .split(',')
            .map((topic) => topic.trim())
            .filter(Boolean),
    identity: data.customerId && data.customerHash ? { customerId: data.customerId, hash: data.customerHash } : undefined,
    product: data.product?.trim().slice(0, 200) || undefined,
  };
}
