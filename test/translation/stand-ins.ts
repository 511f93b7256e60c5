// Local stand-ins for DeepL and LibreTranslate that answer exactly as those APIs do (request and response shapes,
// auth, error statuses and bodies), translating from a small phrase book. Used where the real services cannot run:
// the translation tests, the browser tests and the screenshots.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Each row is one sentence in several languages. */
export const PHRASE_BOOK: Record<string, string>[] = [
  { ja: '注文した花瓶がまだ届きません。どうなっていますか？', en: "The vase I ordered still hasn't arrived. What is going on?" },
  { ja: '担当者と話したいです', en: 'I would like to talk to a person' },
  { ja: '注文番号は100234です', en: 'The order number is 100234' },
  { en: 'I am sorry about the wait. I am checking with the carrier now.', ja: 'お待たせして申し訳ありません。今、配送業者に確認しています。' },
  { en: 'Hello', ja: 'こんにちは', es: 'Hola', de: 'Hallo' },
  { es: 'el jarrón llegó roto y estoy muy molesta', en: 'the vase arrived broken and I am very upset' },
  { es: 'quiero una persona ya', en: 'I want a person now' },
];

/** What a detector makes of a text: the phrase book first, else the script it is written in. */
export function languageOf(text: string): string {
  for (const row of PHRASE_BOOK) for (const [language, phrase] of Object.entries(row)) if (phrase === text) return language;
  if (/[\u3040-\u30ff\u4e00-\u9faf]/.test(text)) return 'ja';
  if (/[\u0600-\u06ff]/.test(text)) return 'ar';
  if (/[\u0400-\u04ff]/.test(text)) return 'ru';
  return 'en';
}

const translated = (text: string, to: string) => PHRASE_BOOK.find((row) => Object.values(row).includes(text))?.[to] ?? text;

export interface StandIn {
  url: string;
  /** Requests received, in order: path and parsed body (and the Authorization header). */
  requests: { path: string; body: Record<string, unknown>; authorization?: string }[];
  /** Makes every answer wait this long (a slow service), or answer 500 (a broken one). */
  setBehaviour(behaviour: { delayMs?: number; broken?: boolean }): void;
  close(): Promise<void>;
}

type Handler = (path: string, body: Record<string, unknown>, request: IncomingMessage) => { status: number; body: unknown };

async function serve(handle: Handler): Promise<StandIn> {
  const requests: StandIn['requests'] = [];
  let behaviour: { delayMs?: number; broken?: boolean } = {};
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = {};
      }
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      requests.push({ path, body, authorization: request.headers.authorization });
      const answer = behaviour.broken ? { status: 500, body: { error: 'Internal Server Error' } } : handle(path, body, request);
      setTimeout(() => {
        if (response.destroyed) return;
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer.body));
      }, behaviour.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setBehaviour: (next) => (behaviour = next),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const DEEPL_TARGETS = new Set(['AR', 'DE', 'EN-GB', 'EN-US', 'ES', 'FR', 'IT', 'JA', 'NL', 'PL', 'PT-BR', 'PT-PT', 'RU', 'TR']);
const DEEPL_SOURCES = new Set(['AR', 'DE', 'EN', 'ES', 'FR', 'IT', 'JA', 'NL', 'PL', 'PT', 'RU', 'TR']);

/** DeepL's POST /v2/translate: `Authorization: DeepL-Auth-Key <key>`, JSON `{text: [..], target_lang, source_lang?}`. */
export function startDeeplStandIn({ key }: { key: string }): Promise<StandIn> {
  return serve((path, body, request) => {
    if (path !== '/v2/translate') return { status: 404, body: { message: 'Not found' } };
    if (request.headers.authorization !== `DeepL-Auth-Key ${key}`) return { status: 403, body: { message: 'Authorization failure, check auth_key' } };
    const target = String(body.target_lang ?? '').toUpperCase();
    if (target === 'EN' || target === 'PT')
      return {
        status: 400,
        body: { message: `targetLang='${target.toLowerCase()}' is deprecated, please use a variant such as '${target.toLowerCase()}-US' instead.` },
      };
    if (!DEEPL_TARGETS.has(target)) return { status: 400, body: { message: "Value for 'target_lang' not supported." } };
    const source = body.source_lang === undefined ? undefined : String(body.source_lang).toUpperCase();
    if (source !== undefined && !DEEPL_SOURCES.has(source)) return { status: 400, body: { message: "Value for 'source_lang' not supported." } };
    if (!Array.isArray(body.text) || body.text.length === 0) return { status: 400, body: { message: "Parameter 'text' not specified." } };
    const to = target.slice(0, 2).toLowerCase();
    return {
      status: 200,
      body: {
        translations: body.text.map((text) => ({
          detected_source_language: source ?? languageOf(String(text)).toUpperCase(),
          text: translated(String(text), to),
        })),
      },
    };
  });
}

const LIBRETRANSLATE_LANGUAGES = new Set(['ar', 'de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt', 'ru', 'tr']);

/** LibreTranslate's POST /translate `{q, source, target, format, api_key}` and POST /detect `{q, api_key}`. */
export function startLibreTranslateStandIn({ key }: { key?: string } = {}): Promise<StandIn> {
  return serve((path, body) => {
    if (key !== undefined && body.api_key !== key) return { status: 403, body: { error: 'Invalid API key' } };
    if (typeof body.q !== 'string' || !body.q) return { status: 400, body: { error: 'Invalid request: missing q parameter' } };
    const text = body.q;
    if (path === '/detect') return { status: 200, body: [{ confidence: 90.0, language: languageOf(text) }] };
    if (path !== '/translate') return { status: 404, body: { error: 'Not Found' } };
    const source = String(body.source ?? '');
    const target = String(body.target ?? '');
    if (!source) return { status: 400, body: { error: 'Invalid request: missing source parameter' } };
    if (!LIBRETRANSLATE_LANGUAGES.has(target)) return { status: 400, body: { error: `${target} is not supported` } };
    if (source !== 'auto' && !LIBRETRANSLATE_LANGUAGES.has(source)) return { status: 400, body: { error: `${source} is not supported` } };
    const answer = { translatedText: translated(text, target) };
    return { status: 200, body: source === 'auto' ? { detectedLanguage: { confidence: 90.0, language: languageOf(text) }, ...answer } : answer };
  });
}
