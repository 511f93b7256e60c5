// Machine translation for agents: the Translator interface, its DeepL and LibreTranslate adapters, and the one
// TRANSLATOR names (none by default).
import type { Config } from '../config.js';
import { createDeeplTranslator } from './deepl.js';
import { createLibreTranslateTranslator } from './libretranslate.js';
import type { Translator } from './translator.js';

export { createAgentTranslation, type AgentTranslation } from './for-agents.js';
export { createDeeplTranslator, deeplDefaultUrl } from './deepl.js';
export { createLibreTranslateTranslator } from './libretranslate.js';
export { TRANSLATOR_TIMEOUT_MS, TranslationUnavailable, type Translator } from './translator.js';

/** The translator TRANSLATOR names; the config has been checked, so the settings it needs are there. */
export function createTranslator(config: Pick<Config, 'TRANSLATOR' | 'TRANSLATOR_URL' | 'TRANSLATOR_KEY'>): Translator | undefined {
  switch (config.TRANSLATOR) {
    case 'deepl':
      return createDeeplTranslator({ url: config.TRANSLATOR_URL, key: config.TRANSLATOR_KEY! });
    case 'libretranslate':
      return createLibreTranslateTranslator({ url: config.TRANSLATOR_URL!, key: config.TRANSLATOR_KEY });
    default:
      return undefined;
  }
}
