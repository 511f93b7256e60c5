// The Translator interface every translation service implements, and the error its adapters throw.
import { AppError } from '../shared/index.js';

/**
 * A machine-translation service (DeepL, LibreTranslate). Languages are ISO 639-1 codes in lower case ("ja"); an
 * adapter maps them to its service's own codes. Calls fail with {@link TranslationUnavailable} when the service is
 * slow, down or refuses the request: callers show the original text instead.
 */
export interface Translator {
  /** For logs: "deepl", "libretranslate". */
  readonly name: string;
  /** The language the text is written in, or undefined when the service cannot tell. */
  detect(text: string): Promise<string | undefined>;
  /** The text in `to`, and the language it was translated from (`from` when given, else as the service detected it). */
  translate(text: string, to: string, from?: string): Promise<{ text: string; from: string }>;
}

export class TranslationUnavailable extends AppError {
  constructor(service: string, reason: string, options?: { cause?: unknown }) {
    super('unavailable', `the translation service (${service}) ${reason}; the original text stands`);
    this.name = 'TranslationUnavailable';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** How long one request to the service may take before the original text is shown instead. */
export const TRANSLATOR_TIMEOUT_MS = 5000;

export interface AdapterOptions {
  /** The service's base URL. */
  url?: string;
  key?: string;
  timeoutMs?: number;
}

/** POSTs JSON and reads the JSON answer; any failure (network, timeout, an error status) is TranslationUnavailable. */
export async function postJson(
  service: string,
  url: string,
  body: object,
  { headers = {}, timeoutMs = TRANSLATOR_TIMEOUT_MS }: { headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `did not answer within ${timeoutMs / 1000} s` : 'could not be reached';
    throw new TranslationUnavailable(service, reason, { cause: error });
  }
  const answer = (await response.json().catch(() => undefined)) as { message?: unknown; error?: unknown } | undefined;
  if (!response.ok) {
    const said = typeof answer?.message === 'string' ? answer.message : typeof answer?.error === 'string' ? answer.error : undefined;
    throw new TranslationUnavailable(service, `answered ${response.status}${said ? ` (${said})` : ''}`);
  }
  if (answer === undefined) throw new TranslationUnavailable(service, 'answered with something that is not JSON');
  return answer;
}
