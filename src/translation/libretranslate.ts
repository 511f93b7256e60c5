// LibreTranslate, usually self-hosted (POST /translate and /detect, the key as "api_key" in the body when the
// server asks for one).
import { z } from 'zod';
import { postJson, TranslationUnavailable, type AdapterOptions, type Translator } from './translator.js';

const TranslateAnswer = z.object({
  translatedText: z.string(),
  detectedLanguage: z.object({ language: z.string(), confidence: z.number() }).optional(),
});
const DetectAnswer = z.array(z.object({ language: z.string(), confidence: z.number() }));

export function createLibreTranslateTranslator({ url, key, timeoutMs }: AdapterOptions & { url: string }): Translator {
  const base = url.replace(/\/+$/, '');
  const withKey = (body: object) => (key ? { ...body, api_key: key } : body);
  return {
    name: 'libretranslate',
    async detect(text) {
      const parsed = DetectAnswer.safeParse(await postJson('libretranslate', `${base}/detect`, withKey({ q: text }), { timeoutMs }));
      if (!parsed.success) throw new TranslationUnavailable('libretranslate', 'answered in an unexpected shape');
      // The service lists its guesses, most likely first; a confidence of 0 is no guess at all.
      const best = parsed.data[0];
      return best && best.confidence > 0 ? best.language : undefined;
    },
    async translate(text, to, from) {
      const body = withKey({ q: text, source: from ?? 'auto', target: to, format: 'text' });
      const parsed = TranslateAnswer.safeParse(await postJson('libretranslate', `${base}/translate`, body, { timeoutMs }));
      if (!parsed.success) throw new TranslationUnavailable('libretranslate', 'answered in an unexpected shape');
      return { text: parsed.data.translatedText, from: from ?? parsed.data.detectedLanguage?.language ?? 'auto' };
    },
  };
}
