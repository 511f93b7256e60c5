// Which browser origins may open a widget socket: the allow-list, and the server's own pages (the demo).
export function isAllowedOrigin(origin: string | undefined, host: string | undefined, allowList: readonly string[]): boolean {
  // Browsers always send Origin on cross-site requests; a client without one is not a page another site runs.
  if (!origin) return true;
  if (allowList.includes('*') || allowList.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
