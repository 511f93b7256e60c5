// npm run eval:presale [-- eval/presale-b]: a pre-sale question set (eval/presale by default, or the folder given;
// each set written blind from eval/presale/SPEC.md), one <lang>.jsonl per language, each line one dry-run turn with
// the shopper's page, country, date and cart, scored by what the reply did: the right product and aspect with a card,
// the candidates asked about, the promotion listed or diagnosed for the right reason, the help article of the topic,
// or a hand-off. Prints accuracy per language and per kind. Measuring only.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dryRunTurn, type DryRunResult } from '../src/conversations/index.js';
import { loadSnapshot } from '../src/knowledge/index.js';
import type { PipelineContext } from '../src/pipeline/index.js';
import { buildCatalogue, CatalogueSchema, DEMO_PRODUCTS_FILE } from '../src/products/index.js';

interface Line {
  text: string;
  language: string;
  page?: string;
  country?: string;
  now?: string;
  cart?: { total: number; currency: string; firstOrder?: boolean };
  expect: { kind: 'product' | 'promotion' | 'faq' | 'handoff'; product?: string; answer?: string; candidates?: string[]; reason?: string; topic?: string };
}

/** The demo articles' file ids and the topics the set names. */
const TOPIC_OF_ARTICLE: Record<string, string> = {
  'gift-wrapping': 'gift_wrapping',
  'gift-cards': 'gift_cards',
  'size-exchange': 'size_exchange',
  warranty: 'warranty',
  packaging: 'packaging',
  'order-by-phone': 'order_by_phone',
  'restock-alerts': 'restock_alerts',
  'price-adjustment': 'price_adjustment',
  'guest-checkout': 'guest_checkout',
  'invoice-copy': 'invoice',
};
/** The diagnosis templates and the reasons the set names. */
const REASON_OF_TEMPLATE: Record<string, string> = {
  'discount_code.expired': 'expired',
  'discount_code.not_yet': 'not_started',
  'discount_code.minimum': 'minimum',
  'discount_code.country': 'region',
  'discount_code.currency': 'currency',
  'discount_code.first_order': 'first_order',
  'discount_code.not_combinable': 'not_combinable',
  'discount_code.unknown': 'unknown',
  'discount_code.valid': 'valid',
};
const LIST_TEMPLATES = new Set(['discount_code.available', 'discount_code.none']);

/** A product answer's aspect from its template: product.stock.variant_in → stock. */
const aspectOf = (templateId: string) => (templateId.startsWith('product.') ? templateId.split('.')[1] : undefined);
const offersPerson = (result: DryRunResult) =>
  result.action === 'handoff' ||
  result.effects.some((effect) => effect.type === 'hand_off') ||
  !!result.reply?.quickReplies.some((reply) => reply.value === 'intent:human_agent');

function isRight(line: Line, result: DryRunResult): boolean {
  const template = result.reply?.templateId ?? '';
  const { expect } = line;
  switch (expect.kind) {
    case 'product': {
      if (expect.answer === 'ask_which') {
        const offered = new Set(result.reply?.quickReplies.map((reply) => reply.value) ?? []);
        return template === 'product.which' && (expect.candidates ?? []).every((id) => offered.has(`product:${id}`));
      }
      return aspectOf(template) === expect.answer && result.reply?.cards?.[0]?.productId === expect.product;
    }
    case 'promotion':
      return expect.answer === 'list' ? LIST_TEMPLATES.has(template) : REASON_OF_TEMPLATE[template] === expect.reason;
    case 'faq': {
      const article = /\/help\/([a-z0-9-]+)\?/.exec(result.reply?.text ?? '')?.[1];
      return template === 'faq.answer' && !!article && TOPIC_OF_ARTICLE[article] === expect.topic;
    }
    case 'handoff':
      // "The data does not say" (product.unknown) shows the product's card beside the hand-off; any other product
      // template is an answer, which a hand-off line must not get.
      return offersPerson(result) && (!aspectOf(template) || template === 'product.unknown');
  }
}

const root = path.resolve(import.meta.dirname, '..');
const { snapshot, problems } = await loadSnapshot(root);
if (!snapshot) throw new Error(`content does not load: ${problems.map((problem) => problem.message).join('; ')}`);
const catalogue = buildCatalogue(CatalogueSchema.parse(JSON.parse(readFileSync(DEMO_PRODUCTS_FILE, 'utf8'))));
const set = process.argv.slice(2).find((argument) => !argument.startsWith('--')) ?? 'eval/presale';
const folder = path.resolve(root, set);

const tally = new Map<string, { right: number; total: number }>();
const count = (key: string, right: boolean) => {
  const entry = tally.get(key) ?? { right: 0, total: 0 };
  tally.set(key, { right: entry.right + (right ? 1 : 0), total: entry.total + 1 });
};
const kindOf = (line: Line) =>
  line.expect.kind === 'product' && line.expect.answer === 'ask_which'
    ? 'ask_which'
    : line.expect.kind === 'promotion'
      ? `promotion ${line.expect.answer}`
      : line.expect.kind;
const failures: string[] = [];
const languages = readdirSync(folder)
  .filter((name) => name.endsWith('.jsonl'))
  .map((name) => path.basename(name, '.jsonl'))
  .sort();
for (const language of languages) {
  for (const text of readFileSync(path.join(folder, `${language}.jsonl`), 'utf8')
    .trim()
    .split('\n')) {
    const line = JSON.parse(text) as Line;
    const firstOrder = line.cart?.firstOrder;
    const context: PipelineContext = {
      catalogue,
      ...(line.page ? { page: { product: line.page } } : {}),
      ...(line.cart ? { cart: { total: line.cart.total, currency: line.cart.currency } } : {}),
      ...(firstOrder === undefined ? {} : { customer: { id: 'eval-shopper', orders: firstOrder ? 0 : 1 } }),
    };
    const locale = line.country ? `${line.language}-${line.country}` : line.language;
    const result = await dryRunTurn(snapshot, { text: line.text, locale, now: new Date(line.now ?? '2026-12-07T10:00:00Z'), variantSeed: 0, context });
    const right = isRight(line, result);
    count(`language ${language}`, right);
    count(`kind ${kindOf(line)}`, right);
    count('all', right);
    if (!right)
      failures.push(
        `  ✗ ${language} ${JSON.stringify(line.expect)} got ${result.reply?.templateId ?? result.action} ${result.reply?.cards?.[0]?.productId ?? ''}: ${line.text}`,
      );
  }
}

const show = (prefix: string) => {
  for (const [key, { right, total }] of [...tally].filter(([key]) => key.startsWith(prefix)))
    console.log(`${key.slice(prefix.length).padEnd(20)} ${String(total).padStart(4)}  ${((100 * right) / total).toFixed(1).padStart(5)}%`);
};
console.log(`pre-sale set (${path.relative(root, folder)}): accuracy\n\nper language         lines  right`);
show('language ');
console.log('\nper kind             lines  right');
show('kind ');
const all = tally.get('all')!;
console.log(`\nall                  ${String(all.total).padStart(4)}  ${((100 * all.right) / all.total).toFixed(1).padStart(5)}%`);
// The lines are a blind set: print them only to check the scorer, never to change matching, words or rules.
if (process.argv.includes('--failures')) console.log(`\n${failures.join('\n')}`);
