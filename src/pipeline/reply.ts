// The reply: one or more templates (an answer, then a question the bot still waits for) rendered in the reply
// language with the turn's values, as one message with their quick replies.
import { findTemplate, type Snapshot } from '../content/index.js';
import type { CaseState } from './case.js';
import type { PipelineContext } from './decide.js';
import type { Entities } from './entities.js';
import type { IntentResult } from './intent.js';
import { orderValues } from '../orders/index.js';
import { LOOKUP_PAUSE_MINUTES, type OrderStage } from './orders.js';
import { renderReply, type Reply, type TemplateValue } from './render.js';
import { shippingValues, type DutiesFacts, type ShippingFacts } from '../shipping/index.js';
import { lineValues, promotionValues, type PromotionStage } from '../promotions/index.js';
import type { HelpArticle } from '../faq/index.js';

export interface ReplyPart {
  template: string;
  /** Adds the likeliest intents (then the store's topics) as quick replies. */
  suggest?: number;
  /** Values of this part only: a flow's question speaks of the flow's own slots ({orderNumber}). */
  values?: Record<string, TemplateValue>;
}

export interface ReplyValues {
  orders: OrderStage;
  shipping: ShippingFacts | null;
  duties: DutiesFacts | null;
  case?: CaseState;
  context?: PipelineContext;
  promotions?: PromotionStage;
  /** The help article the reply may quote. */
  article?: HelpArticle;
}

/** Values every template of this turn may use: the order's, the shipping zone's, the case's. */
export function templateValues(
  input: ReplyValues,
  {
    locale,
    timeZone,
    language = locale.split('-')[0]!,
    defaultLanguage = language,
  }: { locale: string; timeZone: string; language?: string; defaultLanguage?: string },
): Record<string, TemplateValue> {
  const { orders, shipping, duties } = input;
  const found = input.case;
  return {
    pauseMinutes: LOOKUP_PAUSE_MINUTES,
    ...(input.context?.reopensAt ? { reopensAt: input.context.reopensAt } : {}),
    ...shippingValues(shipping, duties, locale),
    // The order this turn is about, else the one the conversation is about (a question repeated after another topic).
    ...(orders.orderNumber || orders.state.orderNumber ? { orderNumber: orders.orderNumber ?? orders.state.orderNumber } : {}),
    ...(orders.order ? orderValues(orders.order, { locale, timeZone }) : {}),
    ...(found ? { caseOrderNumber: found.orderNumber, caseProblem: found.problem ?? 'other', casePhotos: found.attachmentIds.length } : {}),
    ...(input.promotions ? promotionValues(input.promotions, language, locale, defaultLanguage) : {}),
    ...(input.article ? { articleQuestion: input.article.question, articleAnswer: input.article.answer, articleLink: input.article.link } : {}),
  };
}

export interface RenderContext {
  language: string;
  locale: string;
  entities: Entities;
  values: Record<string, TemplateValue>;
  variantSeed: number;
  now: Date;
  timeZone?: string;
  intent: IntentResult;
  /** The customs note's template (customs_duties.note.<note>), written into replies as {dutiesNote}. */
  dutiesNote?: string;
  /** The codes that apply now, each written with the discount_code.line template into {promotionList}. */
  promotions?: PromotionStage;
}

/** One line per code, from the discount_code.line template. */
function promotionList(
  snapshot: Snapshot,
  stage: PromotionStage,
  context: RenderContext,
  render: (template: string, suggest?: number, own?: Record<string, TemplateValue>) => Reply,
): string {
  const { defaultLanguage } = snapshot.settings;
  return (stage.available ?? [])
    .map((promotion) => render('discount_code.line', undefined, lineValues(promotion, stage, context.language, context.locale, defaultLanguage)).text)
    .join('\n');
}

/** The parts as one reply: texts in order, separated by a blank line, with every part's quick replies once. */
export function composeReply(snapshot: Snapshot, parts: ReplyPart[], context: RenderContext): Reply | undefined {
  if (parts.length === 0) return undefined;
  const values = { ...context.values };
  const render = (template: string, suggest?: number, own?: Record<string, TemplateValue>) =>
    renderReply(snapshot, {
      templateId: template,
      language: context.language,
      entities: context.entities,
      variantSeed: context.variantSeed,
      now: context.now,
      values: own ? { ...values, ...own } : values,
      timeZone: context.timeZone,
      locale: context.locale,
      ...(suggest
        ? { suggest: { count: suggest, intent: context.intent, topics: snapshot.flows.settings.unclearTopics, smallTalk: snapshot.flows.settings.smallTalk } }
        : {}),
    });
  const note = context.dutiesNote;
  if (note && findTemplate(snapshot, context.language, note)) values.dutiesNote = render(note).text;
  if (context.promotions?.available?.length && findTemplate(snapshot, context.language, 'discount_code.line'))
    values.promotionList = promotionList(snapshot, context.promotions, context, render);
  const rendered = parts.map((part) => render(part.template, part.suggest, part.values));
  const [first] = rendered;
  if (rendered.length === 1) return first;
  const quickReplies = rendered
    .flatMap((reply) => reply.quickReplies)
    .filter((reply, index, all) => all.findIndex((other) => other.value === reply.value) === index);
  return { ...first!, text: rendered.map((reply) => reply.text).join('\n\n'), quickReplies, parts: rendered.map((reply) => reply.templateId) };
}
