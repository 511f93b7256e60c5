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
<link rel="stylesheet" href="/console.css">
<script src="/console.js" defer></script>
</head>
<body></body>
</html>`;

export default async function consoleRoutes(app: FastifyInstance) {
  const script = bundleLoader('console.js');
  const stylesheet = bundleLoader('console.css');
  app.get('/console', async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
  // Checked on every load (no-cache), answered with a 304 while they have not changed.
  app.get('/console.js', { compress: {} }, (request, reply) => script.send(request, reply, () => 'no-cache'));
  app.get('/console.css', { compress: {} }, (request, reply) => stylesheet.send(request, reply, () => 'no-cache'));
}
