// The embeddable widget: GET /widget.js (the bundle built from src/web/widget) and its strings per language.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { WidgetStrings } from '../shared/protocol.js';

// The same path from src/http (tests, tsx) and from dist/http (the built server).
const bundlePath = fileURLToPath(new URL('../../dist/web/widget.js', import.meta.url));
const rightToLeft = new Set(['ar', 'he', 'fa', 'ur']);

export default async function widgetRoutes(app: FastifyInstance) {
  let bundle: Promise<string> | undefined;

  app.get('/widget.js', async (_request, reply) => {
    bundle ??= readFile(bundlePath, 'utf8');
    let source: string;
    try {
      source = await bundle;
    } catch {
      bundle = undefined;
      return reply.code(503).type('text/plain').send('the widget is not built: run npm run build');
    }
    return reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(source);
  });

  app.get<{ Querystring: { locale?: string } }>('/api/v1/widget/strings', async (request, reply) => {
    const snapshot = app.knowledge.current()!;
    const requested = String(request.query.locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
    const language = snapshot.languages.includes(requested) ? requested : snapshot.settings.defaultLanguage;
    const fallback = snapshot.ui.get(snapshot.settings.defaultLanguage)?.widget ?? {};
    const body: WidgetStrings = {
      language,
      dir: rightToLeft.has(language) ? 'rtl' : 'ltr',
      strings: { ...fallback, ...(snapshot.ui.get(language)?.widget ?? {}) },
    };
    return reply
      .header('cache-control', 'public, max-age=300')
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(body);
  });
}
