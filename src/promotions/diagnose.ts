// Why a code does or does not work, and which codes a shopper can use now: pure checks of a promotion's
// conditions against what is known of the shopper (country, currency, amount, first order). A condition nobody
// knows the answer to is reported as unchecked, never guessed.
import { appliesIn, isRunning, type CompiledPromotion, type PromotionContent } from './content.js';

export interface Money {
  amount: number;
  currency: string;
}

export interface ShopperSituation {
  /** The store's date today (YYYY-MM-DD), from the injected clock in the store's time zone. */
  today: string;
  country?: string;
  /** The currency the shopper pays in, when known. */
  currency?: string;
  /** The order's amount: said in the message, or the cart's, or the order's. */
  amount?: Money;
  /** Whether this would be the customer's first order; unknown for a guest. */
  firstOrder?: boolean;
  /** Every code the shopper named, this one included. */
  codes: string[];
}

export const CODE_STATUSES = ['unknown', 'not_yet', 'expired', 'country', 'currency', 'first_order', 'minimum', 'not_combinable', 'valid'] as const;
export type CodeStatus = (typeof CODE_STATUSES)[number];
/** Conditions that hold for all the bot knows but that it could not check. */
export type Unchecked = 'country' | 'minimum' | 'first_order';

export interface Diagnosis {
  /** The code as the store writes it (or as the shopper did, when unknown). */
  code: string;
  status: CodeStatus;
  promotion?: CompiledPromotion;
  /** The least the order must come to, in the shopper's currency, when the code has a minimum. */
  minimum?: Money;
  unchecked: Unchecked[];
}

/** The shopper's currency: the amount's, else the one they pay in, else their country's, else the store's default. */
export function shopperCurrency(content: PromotionContent, situation: Pick<ShopperSituation, 'amount' | 'currency' | 'country'>): string | undefined {
  return (
    situation.amount?.currency ??
    situation.currency ??
    (situation.country ? content.currencyByCountry.get(situation.country) : undefined) ??
    content.defaultCurrency
  );
}

function minimumFor(promotion: CompiledPromotion, currency: string | undefined): Money | undefined {
  const table = promotion.minimumOrder;
  if (!table) return undefined;
  if (currency && table[currency] !== undefined) return { amount: table[currency], currency };
  return undefined;
}

/** Whether the promotion can be paid in the currency at all (its currencies, and a minimum set for it). */
const acceptsCurrency = (promotion: CompiledPromotion, currency: string) =>
  (!promotion.currencies || promotion.currencies.includes(currency)) && (!promotion.minimumOrder || promotion.minimumOrder[currency] !== undefined);

export function diagnoseCode(content: PromotionContent, code: string, situation: ShopperSituation): Diagnosis {
  const promotion = content.byCode.get(code.toUpperCase());
  if (!promotion) return { code, status: 'unknown', unchecked: [] };
  const currency = shopperCurrency(content, situation);
  const minimum = minimumFor(promotion, currency);
  const found = (status: CodeStatus, unchecked: Unchecked[] = []): Diagnosis => ({
    code: promotion.code,
    status,
    promotion,
    ...(minimum ? { minimum } : {}),
    unchecked,
  });
  if (promotion.startsOn && situation.today < promotion.startsOn) return found('not_yet');
  if (promotion.endsOn && situation.today > promotion.endsOn) return found('expired');
  if (situation.country && !appliesIn(promotion, situation.country)) return found('country');
  // A currency counts only when the shopper's situation says it; a store default is no evidence.
  const knownCurrency = situation.amount?.currency ?? situation.currency;
  if (knownCurrency && !acceptsCurrency(promotion, knownCurrency)) return found('currency');
  if (promotion.firstOrderOnly && situation.firstOrder === false) return found('first_order');
  if (minimum && situation.amount && situation.amount.currency === minimum.currency && situation.amount.amount < minimum.amount) return found('minimum');
  const others = situation.codes.filter((other) => other.toUpperCase() !== promotion.code.toUpperCase());
  const otherPromotions = others.map((other) => content.byCode.get(other.toUpperCase()));
  if (others.length > 0 && (!promotion.combinable || otherPromotions.some((other) => other && !other.combinable))) return found('not_combinable');
  const unchecked: Unchecked[] = [];
  if (!situation.country && !promotion.everywhere) unchecked.push('country');
  if (promotion.minimumOrder && !situation.amount) unchecked.push('minimum');
  if (promotion.firstOrderOnly && situation.firstOrder === undefined) unchecked.push('first_order');
  return found('valid', unchecked);
}

/**
 * The listed codes that work today in the shopper's country; with no country known, the ones running today
 * anywhere (their descriptions say where).
 */
export function availablePromotions(content: PromotionContent, situation: Pick<ShopperSituation, 'today' | 'country'>): CompiledPromotion[] {
  return content.promotions.filter(
    (promotion) => promotion.listed && isRunning(promotion, situation.today) && (!situation.country || appliesIn(promotion, situation.country)),
  );
}
