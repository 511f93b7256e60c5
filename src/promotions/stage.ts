// The promotions stage of a turn: the codes the shopper named, diagnosed, or the codes they could use now; as
// facts for the rules and values for the templates. Pure.
import { dateTimeFormat, numberFormat } from '../shared/index.js';
import type { CompiledPromotion, PromotionContent } from './content.js';
import {
  availablePromotions,
  diagnoseCode,
  shopperCurrency,
  type CodeStatus,
  type Diagnosis,
  type Money,
  type ShopperSituation,
  type Unchecked,
} from './diagnose.js';

export const DISCOUNT_INTENT = 'discount_code';

export interface PromotionStageInput extends ShopperSituation {
  /** The intent the bot acts on. */
  intent: string;
  /** The shopper asks about a discount for buying in quantity, which no code covers. */
  bulk?: boolean;
}

/** The rules' fact `promotion`: the first code the shopper named, diagnosed. */
export interface PromotionFact {
  code: string;
  status: CodeStatus;
  /** Conditions the bot could not check (country, minimum, first_order). */
  unchecked: Unchecked[];
  firstOrderOnly: boolean;
  combinable: boolean;
  minimum: number | null;
  currency: string | null;
}

/** The rules' fact `promotions`: the codes the shopper could use now, when they ask and name none. */
export interface PromotionsFact {
  available: number;
  codes: string[];
  /** The country they were chosen for, or null when none is known (then every running code counts). */
  country: string | null;
  /** They ask about a discount for buying in quantity ("ten candles", "wholesale"): the codes do not say. */
  bulk: boolean;
}

export interface PromotionStage {
  promotion: PromotionFact | null;
  promotions: PromotionsFact | null;
  diagnosis?: Diagnosis;
  available?: CompiledPromotion[];
  currency?: string;
  amount?: Money;
  country?: string;
}

export function promotionStage(content: PromotionContent | undefined, input: PromotionStageInput): PromotionStage {
  if (!content) return { promotion: null, promotions: null };
  const [first] = input.codes;
  const known = first !== undefined && content.byCode.has(first.toUpperCase());
  const base = {
    currency: shopperCurrency(content, input),
    ...(input.amount ? { amount: input.amount } : {}),
    ...(input.country ? { country: input.country } : {}),
  };
  // A code the store has is about promotions whatever the intent; a code-like word only in a discount question.
  if (first !== undefined && (known || input.intent === DISCOUNT_INTENT)) {
    const diagnosis = diagnoseCode(content, first, input);
    const { promotion, minimum } = diagnosis;
    return {
      ...base,
      diagnosis,
      promotions: null,
      promotion: {
        code: diagnosis.code,
        status: diagnosis.status,
        unchecked: diagnosis.unchecked,
        firstOrderOnly: promotion?.firstOrderOnly ?? false,
        combinable: promotion?.combinable ?? true,
        minimum: minimum?.amount ?? null,
        currency: minimum?.currency ?? null,
      },
    };
  }
  if (input.intent !== DISCOUNT_INTENT) return { promotion: null, promotions: null };
  const available = availablePromotions(content, input);
  return {
    ...base,
    available,
    promotion: null,
    promotions: {
      available: available.length,
      codes: available.map((promotion) => promotion.code),
      country: input.country ?? null,
      bulk: input.bulk ?? false,
    },
  };
}

/** Values the discount_code templates may use. */
export const PROMOTION_VALUES = [
  'code',
  'description',
  'minimumOrder',
  'hasMinimum',
  'orderAmount',
  'startsOn',
  'endsOn',
  'promotionList',
  'checkCountry',
  'checkMinimum',
  'checkFirstOrder',
  'firstOrderOnly',
];

/** "€30", "€29.90": cents only when there are some. */
const money = ({ amount, currency }: Money, locale: string) =>
  numberFormat(locale, {
    style: 'currency',
    currency,
    ...(Number.isInteger(amount) ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  }).format(amount);
const day = (written: string, locale: string) => dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${written}T12:00:00Z`));

/** A promotion's description in the language, else the default language's, else any. */
export function describe(promotion: CompiledPromotion, language: string, defaultLanguage: string): string {
  return promotion.description[language] ?? promotion.description[defaultLanguage] ?? Object.values(promotion.description)[0] ?? promotion.code;
}

/** One line of the list of codes: its values for the discount_code.line template. */
export function lineValues(
  promotion: CompiledPromotion,
  stage: PromotionStage,
  language: string,
  locale: string,
  defaultLanguage: string,
): Record<string, string | boolean> {
  const minimum = stage.currency !== undefined ? promotion.minimumOrder?.[stage.currency] : undefined;
  return {
    code: promotion.code,
    description: describe(promotion, language, defaultLanguage),
    hasMinimum: minimum !== undefined,
    minimumOrder: minimum !== undefined ? money({ amount: minimum, currency: stage.currency! }, locale) : '',
  };
}

export function promotionValues(stage: PromotionStage, language: string, locale: string, defaultLanguage: string): Record<string, string | boolean> {
  const diagnosis = stage.diagnosis;
  if (!diagnosis) return {};
  const { promotion, minimum, unchecked } = diagnosis;
  return {
    code: diagnosis.code,
    ...(promotion ? { description: describe(promotion, language, defaultLanguage), firstOrderOnly: promotion.firstOrderOnly } : {}),
    ...(minimum ? { minimumOrder: money(minimum, locale) } : {}),
    ...(stage.amount ? { orderAmount: money(stage.amount, locale) } : {}),
    ...(promotion?.startsOn ? { startsOn: day(promotion.startsOn, locale) } : {}),
    ...(promotion?.endsOn ? { endsOn: day(promotion.endsOn, locale) } : {}),
    checkCountry: unchecked.includes('country'),
    checkMinimum: unchecked.includes('minimum') && !!minimum,
    checkFirstOrder: unchecked.includes('first_order'),
  };
}
