// Which browser origins may open a socket: the stores' (ALLOWED_ORIGINS) and the server's own pages (the console,
// the demo) at PUBLIC_URL. Never the Host header: the client chooses it, and a hostile page reached through DNS
// rebinding sends its own name as both Host and Origin.
import type { AddressInfo } from 'node:net';

export function isAllowedOrigin(origin: string | undefined, allowList: readonly string[]): boolean {
  // Browsers always send Origin on cross-site requests; a client without one is not a page another site runs.
  if (!origin) return true;
  return allowList.includes('*') || allowList.includes(origin);
}

/**
 * The server's own origins: PUBLIC_URL's; without it (development), the loopback names on the port it listens on, so
 * that `npm start` and the tests serve the console and the demo at http://localhost:3000.
 */
export function ownOrigins(publicUrl: string | undefined, address: AddressInfo | string | null): string[] {
  if (publicUrl) return [new URL(publicUrl).origin];
  if (!address || typeof address === 'string') return [];
  return ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${address.port}`);
}
