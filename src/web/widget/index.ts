// The Borderless chat widget. A store adds <script src="https://HOST/widget.js" defer></script>; options come
// from data-* attributes (data-title, data-accent, data-position, data-locale, data-greeting, data-topics, and for a
// signed-in customer data-customer-id with data-customer-hash, the store's signature of it). Everything lives in a
// Shadow DOM; every text is rendered as text.
import { readOptions } from './options.js';
import { startWidget } from './widget.js';

const current = document.currentScript;
if (current instanceof HTMLScriptElement) {
  const start = () => startWidget(readOptions(current));
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}
