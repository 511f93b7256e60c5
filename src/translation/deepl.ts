// DeepL (POST /v2/translate, key in the "Authorization: DeepL-Auth-Key …" header). DeepL has no detection call of
// its own: a translation reports the language it detected, so detect() translates and keeps only that.
import { z } from 'zod';
import { postJson, TranslationUnavailable, type AdapterOptions, type Translator } from './translator.js';

const TranslateAnswer = z.object({
  translations: z.array(z.object({ detected_source_language: z.string(), text: z.string() })).min(1),
});

/** DeepL wants a variant for English and Portuguese targets ("EN" and "PT" alone are deprecated). */
const TARGET_VARIANTS: Record<string, string> = { en: 'EN-US', pt: 'PT-BR' };

/** Keys of DeepL's free plan end in ":fx" and are served by api-free.deepl.com. */
export const deeplDefaultUrl = (key: string) => (key.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com');

export function createDeeplTranslator({ url, key, timeoutMs }: AdapterOptions & { key: string }): Translator {
  const endpoint = `${(url ?? deeplDefaultUrl(key)).replace(/\/+$/, '')}/v2/translate`;
  async function request(text: string, to: string, from?: string) {
    const body = { text: [text], target_lang: TARGET_VARIANTS[to] ?? to.toUpperCase(), ...(from ? { source_lang: from.toUpperCase() } : {}) };
    const parsed = TranslateAnswer.safeParse(await postJson('deepl', endpoint, body, { headers: { authorization: `DeepL-Auth-Key ${key}` }, timeoutMs }));
    if (!parsed.success) throw new TranslationUnavailable('deepl', 'answered in an unexpected shape');
    const [first] = parsed.data.translations;
    return { text: first!.text, from: first!.detected_source_language.toLowerCase() };
  }
  return {
    name: 'deepl',
    detect: async (text) => (await request(text, 'en')).from,
    async translate(text, to, from) {
      const result = await request(text, to, from);
      return { text: result.text, from: from ?? result.from };
    },
  };
}
