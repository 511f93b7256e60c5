// The embeddable widget: GET /widget.js (the bundle built from src/web/widget), compressed, with an ETag; with
// ?v=<its version> it may be cached for a year. Its strings, welcome and topics per language come from the content.
import type { FastifyInstance } from 'fastify';
import { renderReply } from '../pipeline/index.js';
import { isAllowedOrigin, ownOrigins } from '../network/index.js';
import type { WidgetStrings } from '../shared/index.js';
import { bundleLoader } from './bundle.js';

const rightToLeft = new Set(['ar', 'he', 'fa', 'ur']);
const YEAR_SECONDS = 365 * 24 * 3600;
/** Pages whose origin is refused are logged once per origin in this time, not once per page view. */
const REFUSED_LOG_INTERVAL_MS = 10 * 60_000;

const crossOrigin = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };

export default async function widgetRoutes(app: FastifyInstance) {
  const widget = bundleLoader('widget.js');
  const refusedLogged = new Map<string, number>();

  app.get<{ Querystring: { v?: string } }>('/widget.js', { compress: {} }, async (request, reply) => {
    reply.headers(crossOrigin);
    // Only the current version is immutable: an old ?v= gets today's widget, briefly cached.
    return widget.send(request, reply, (bundle) => (request.query.v === bundle.version ? `public, max-age=${YEAR_SECONDS}, immutable` : 'public, max-age=300'));
  });

  app.get('/api/v1/widget/version', async (_request, reply) => {
    const { version } = await widget.load().catch(() => ({ version: undefined }));
    if (!version) return reply.code(503).send({ error: { code: 'unavailable', message: 'the widget is not built: run npm run build' } });
    return reply
      .headers(crossOrigin)
      .header('cache-control', 'no-cache')
      .send({ version, url: `/widget.js?v=${version}` });
  });

  app.get<{ Querystring: { locale?: string } }>('/api/v1/widget/strings', async (request, reply) => {
    const snapshot = app.knowledge.current()!;
    const requested =
      String(request.query.locale ?? '')
        .toLowerCase()
        .split(/[-_]/)[0] ?? '';
    const language = snapshot.languages.includes(requested) ? requested : snapshot.settings.defaultLanguage;
    const defaults = snapshot.ui.get(snapshot.settings.defaultLanguage);
    const own = snapshot.ui.get(language);
    const origin = request.headers.origin;
    const originAllowed = isAllowedOrigin(origin, [...app.config.ALLOWED_ORIGINS, ...ownOrigins(app.config.PUBLIC_URL, app.server.address())]);
    if (!originAllowed && origin && Date.now() - (refusedLogged.get(origin) ?? 0) > REFUSED_LOG_INTERVAL_MS) {
      if (refusedLogged.size > 1000) refusedLogged.clear();
      refusedLogged.set(origin, Date.now());
      app.log.warn({ origin }, 'the widget is on a page whose origin is not in ALLOWED_ORIGINS: its shoppers see that the chat is not available');
    }
    const body: WidgetStrings = {
      language,
      dir: rightToLeft.has(language) ? 'rtl' : 'ltr',
      strings: { ...defaults?.widget, ...own?.widget },
      welcome: welcome(language),
      intents: { ...defaults?.intents, ...own?.intents },
      originAllowed,
    };
    // The answer depends on the page's origin: caches keep one per origin.
    return reply.headers(crossOrigin).header('cache-control', 'public, max-age=300').header('vary', 'origin').send(body);

    function welcome(language: string): WidgetStrings['welcome'] {
      try {
        const reply = renderReply(snapshot, { templateId: 'widget.welcome', language, entities: {}, variantSeed: 0, now: app.clock() });
        return { text: reply.text, quickReplies: reply.quickReplies };
      } catch {
        return undefined; // no welcome in the content: the widget opens with the store's greeting, if any
      }
    }
  });
}
