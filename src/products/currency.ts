// Which currency a shopper in a country pays in, and a product's price in it: the store's own price list first,
// else the base price converted at the operator's rates (approximate), else the base price as it is.
import { EU_COUNTRIES } from '../shared/index.js';
import type { CatalogueData, Product, Variant } from './product.js';

/** Countries that use the euro beyond the EU members that do not. */
const EURO_OUTSIDE_EU = ['ME', 'XK', 'AD', 'MC', 'SM', 'VA'];
const NOT_EURO_IN_EU: Record<string, string> = { PL: 'PLN', CZ: 'CZK', HU: 'HUF', RO: 'RON', SE: 'SEK', DK: 'DKK', BG: 'BGN' };
const CURRENCIES: Record<string, string> = {
  US: 'USD',
  CA: 'CAD',
  MX: 'MXN',
  GB: 'GBP',
  CH: 'CHF',
  LI: 'CHF',
  NO: 'NOK',
  IS: 'ISK',
  RS: 'RSD',
  BA: 'BAM',
  MK: 'MKD',
  AL: 'ALL',
  MD: 'MDL',
  UA: 'UAH',
  TR: 'TRY',
  RU: 'RUB',
  BR: 'BRL',
  AR: 'ARS',
  CL: 'CLP',
  CO: 'COP',
  PE: 'PEN',
  UY: 'UYU',
  PY: 'PYG',
  BO: 'BOB',
  EC: 'USD',
  CR: 'CRC',
  PA: 'USD',
  GT: 'GTQ',
  DO: 'DOP',
  SA: 'SAR',
  AE: 'AED',
  QA: 'QAR',
  KW: 'KWD',
  BH: 'BHD',
  OM: 'OMR',
  JO: 'JOD',
  IL: 'ILS',
  EG: 'EGP',
  MA: 'MAD',
  JP: 'JPY',
  KR: 'KRW',
  SG: 'SGD',
  HK: 'HKD',
  TW: 'TWD',
  AU: 'AUD',
  NZ: 'NZD',
  MY: 'MYR',
  TH: 'THB',
  PH: 'PHP',
  IN: 'INR',
  CN: 'CNY',
  ID: 'IDR',
  VN: 'VND',
  ZA: 'ZAR',
};

export function currencyOf(country: string | undefined): string | undefined {
  if (!country) return undefined;
  if (NOT_EURO_IN_EU[country]) return NOT_EURO_IN_EU[country];
  if (EU_COUNTRIES.includes(country) || EURO_OUTSIDE_EU.includes(country)) return 'EUR';
  return CURRENCIES[country];
}

export interface Price {
  amount: number;
  currency: string;
  /** Converted at the operator's rate: the checkout's amount may differ a little. */
  isApproximate: boolean;
  /** The price it was converted from. */
  base?: { amount: number; currency: string };
}

/** A variant's price (its own, else its product's) in the currency, as well as the store can say it. */
export function priceIn(catalogue: CatalogueData, product: Product, variant: Variant | undefined, currency: string | undefined): Price {
  const prices = { ...product.prices, ...variant?.prices };
  const base = { amount: prices[catalogue.baseCurrency]!, currency: catalogue.baseCurrency };
  if (currency && prices[currency] !== undefined) return { amount: prices[currency]!, currency, isApproximate: false };
  const rate = currency ? catalogue.rates[currency] : undefined;
  if (currency && rate) return { amount: Math.round(base.amount * rate * 100) / 100, currency, isApproximate: true, base };
  return { ...base, isApproximate: false };
}

/** The lowest price among the product's variants, for "from …". */
export function lowestPrice(catalogue: CatalogueData, product: Product, currency: string | undefined): { price: Price; varies: boolean } {
  const prices = product.variants.map((variant) => priceIn(catalogue, product, variant, currency));
  const lowest = prices.reduce((low, price) => (price.amount < low.amount ? price : low));
  return { price: lowest, varies: prices.some((price) => price.amount !== lowest.amount) };
}
