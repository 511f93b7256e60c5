// A browser bundle built by scripts/build-web.ts (dist/web/<file>), read once and served compressed (gzip or
// brotli, as the browser accepts) with an ETag, so a browser that has it gets a 304 instead of the file again.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface Bundle {
  source: string;
  /** The first 12 hex digits of the bundle's SHA-256: changes whenever the bundle does. */
  version: string;
  etag: string;
}

const TYPES: Record<string, string> = { js: 'application/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

export function bundleLoader(file: string) {
  // The same path from src/http (tests, tsx) and from dist/http (the built server).
  const path = fileURLToPath(new URL(`../../dist/web/${file}`, import.meta.url));
  const type = TYPES[file.split('.').pop()!]!;
  let loading: Promise<Bundle> | undefined;
  const load = () => {
    loading ??= readFile(path, 'utf8').then((source) => {
      const version = createHash('sha256').update(source).digest('hex').slice(0, 12);
      // Weak: the bytes sent differ with the encoding, the script does not.
      return { source, version, etag: `W/"${version}"` };
    });
    loading.catch(() => (loading = undefined));
    return loading;
  };

  /** Sends the bundle (or a 304, or a 503 while it is not built) with the given Cache-Control. */
  async function send(request: FastifyRequest, reply: FastifyReply, cacheControl: (bundle: Bundle) => string) {
    let bundle: Bundle;
    try {
      bundle = await load();
    } catch {
      return reply.code(503).type('text/plain').send(`${file} is not built: run npm run build`);
    }
    reply.header('etag', bundle.etag).header('cache-control', cacheControl(bundle)).header('vary', 'accept-encoding');
    if (request.headers['if-none-match']?.split(',').some((tag) => tag.trim() === bundle.etag)) return reply.code(304).send();
    return reply.type(type).send(bundle.source);
  }

  return { load, send };
}
