// GET /console: the agents' console, a page shell and its bundle (built from src/web/console), no inline script;
// the Content-Security-Policy that forbids inline script comes from helmet, for every page.
import type { FastifyInstance } from 'fastify';
import { bundleLoader } from './bundle.js';

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Borderless console</title>
<script src="/console.js" defer></script>
</head>
<body></body>
</html>`;

export default async function consoleRoutes(app: FastifyInstance) {
  const bundle = bundleLoader('console');
  app.get('/console', async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
  // Checked on every load (no-cache), answered with a 304 while it has not changed.
  app.get('/console.js', { compress: {} }, (request, reply) => bundle.send(request, reply, () => 'no-cache'));
}
