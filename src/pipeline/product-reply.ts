// A product reply's extras: the values its templates use, the product card under it, and the candidates as buttons
// when the bot asks which product the shopper means. Only replies from product templates ("product.…") get them.
import type { Snapshot } from '../content/index.js';
import { localized } from '../products/index.js';
import { productCard, productValues, type ProductCard } from './product-values.js';
import type { Reply, TemplateValue } from './render.js';
import type { Situation } from './situation.js';

export interface ProductReply {
  values: Record<string, TemplateValue>;
  card?: ProductCard;
  choices: { label: string; value: string }[];
}

const isProductTemplate = (id: string) => id.startsWith('product.');

export function productReply(snapshot: Snapshot, situation: Situation, language: string, locale: string): ProductReply | undefined {
  const stage = situation.product;
  if (!stage) return undefined;
  const { defaultLanguage } = snapshot.settings;
  const country = situation.destination?.country;
  return {
    values: productValues(stage, language, locale, defaultLanguage, country),
    card: productCard(stage, language, locale, defaultLanguage, country),
    choices: stage.candidates.map((candidate) => ({ label: localized(candidate.title, language, defaultLanguage)!.text, value: `product:${candidate.id}` })),
  };
}

/** The card under a product reply, and the candidates before its other buttons. */
export function withProduct(reply: Reply, product: ProductReply): Reply {
  const templates = reply.parts ?? [reply.templateId];
  if (!templates.some(isProductTemplate)) return reply;
  return {
    ...reply,
    ...(product.card && !product.choices.length ? { cards: [product.card] } : {}),
    quickReplies: [...product.choices, ...reply.quickReplies],
  };
}
