// Intl formatters and locale facts, built once per locale and option set and kept: building an Intl object costs
// far more than using one, and replies are written with the same few every time.

/** Entries kept per kind at most: locales come from shoppers' widgets, so the caches must not grow without end. */
const MAX_ENTRIES = 2000;

function cached<T>(): (key: string, build: () => T) => T {
  const entries = new Map<string, T>();
  return (key, build) => {
    let value = entries.get(key);
    if (value === undefined && !entries.has(key)) {
      value = build();
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(key, value);
    }
    return value as T;
  };
}

const keyOf = (locale: string | readonly string[], options: object) => `${String(locale)}|${JSON.stringify(options)}`;

const numberFormats = cached<Intl.NumberFormat>();
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
  numberFormats(keyOf(locale, options), () => new Intl.NumberFormat(locale, options));

const dateTimeFormats = cached<Intl.DateTimeFormat>();
export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat =>
  dateTimeFormats(keyOf(locale, options), () => new Intl.DateTimeFormat(locale, options));

const listFormats = cached<Intl.ListFormat>();
export const listFormat = (locale: string, options: Intl.ListFormatOptions = {}): Intl.ListFormat =>
  listFormats(keyOf(locale, options), () => new Intl.ListFormat(locale, options));

const displayNamesCache = cached<Intl.DisplayNames>();
export const displayNames = (locale: string, options: Intl.DisplayNamesOptions): Intl.DisplayNames =>
  displayNamesCache(keyOf(locale, options), () => new Intl.DisplayNames([locale], options));

/** An amount of money in a language's way: "12,50 €", "$12.50". */
export const formatMoney = (amount: number, currency: string, locale: string): string => numberFormat(locale, { style: 'currency', currency }).format(amount);

const canonicalLocales = cached<string | undefined>();
/** The locale in canonical form ("es_mx" → "es-MX"), or undefined when it is not one. */
export function canonicalLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  return canonicalLocales(locale, () => {
    try {
      return Intl.getCanonicalLocales(locale.replace('_', '-'))[0];
    } catch {
      return undefined;
    }
  });
}

const regions = cached<string | undefined>();
/** The region of a locale: "es-MX" → "MX"; none for "es" or for what is not a locale. */
export function localeRegion(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  return regions(locale, () => {
    try {
      return new Intl.Locale(locale.replace('_', '-')).region?.toUpperCase();
    } catch {
      return undefined;
    }
  });
}
