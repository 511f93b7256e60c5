// GET /console: the agents' console, a page shell and its bundle (built from src/web/console), no inline script;
// the Content-Security-Policy that forbids inline script comes from helmet, for every page.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const bundlePath = fileURLToPath(new URL('../../dist/web/console.js', import.meta.url));

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
  let bundle: Promise<string> | undefined;
  app.get('/console', async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
  app.get('/console.js', async (_request, reply) => {
    bundle ??= readFile(bundlePath, 'utf8');
    try {
      return reply.type('application/javascript; charset=utf-8').header('cache-control', 'no-cache').send(await bundle);
    } catch {
      bundle = undefined;
      return reply.code(503).type('text/plain').send('the console is not built: run npm run build');
    }
  });
}
