// Package suggestions: the package rules (packages/*.json) choose what goes in a parcel — a thank-you card, a
// gift, a review or cashback card, a care note — each written in the customer's language, with the reason.
import { z } from 'zod';
import { chooseLanguage, customerFacts, mergeValues, orderFacts, orderValues } from '../care/index.js';
import type { Snapshot } from '../knowledge/index.js';
import { OrderSchema, type Order } from '../orders/index.js';
import { renderReply } from '../pipeline/index.js';

/** `{order, customer?}`: the customer part, when given, adds to or corrects the order's customer. */
export const PackageRequest = z.object({
  order: OrderSchema,
  customer: z
    .object({
      id: z.string().min(1).optional(),
      name: z.string().optional(),
      locale: z.string().min(2).max(35).optional(),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "DE"')
        .optional(),
      orderCount: z.number().int().nonnegative().optional(),
    })
    .optional(),
});
export type PackageRequest = z.infer<typeof PackageRequest>;

export interface PackageInsert {
  /** What to put in the parcel: "thank_you_card", "gift", "review_card", "care_note"… */
  id: string;
  /** Its text in the customer's language. */
  text: string;
  /** Why, in plain words (the rule's description). */
  reason: string;
  rule: string;
}

export interface PackageSuggestion {
  orderNumber: string;
  language: string;
  inserts: PackageInsert[];
}

/** Every matching rule adds its insert; when two rules name one insert, the higher priority's text and reason win. */
export async function suggestPackageInserts(snapshot: Snapshot, request: PackageRequest, now: Date): Promise<PackageSuggestion> {
  const order: Order = request.order;
  const customer = customerFacts(order, request.customer ?? {});
  const { language, locale } = chooseLanguage(snapshot, [customer.locale]);
  const facts = orderFacts(order, customer, language);
  const values = orderValues(order, customer, { locale, timeZone: snapshot.settings.timeZone });
  const inserts: PackageInsert[] = [];
  for (const match of await snapshot.packages.run(facts)) {
    const { insert, template, values: ruleValues } = match.event.params;
    if (inserts.some((chosen) => chosen.id === insert)) continue;
    const reply = renderReply(snapshot, {
      templateId: template,
      language,
      entities: { orderNumber: order.number, country: order.shipping.country },
      variantSeed: 0,
      now,
      values: mergeValues(ruleValues, values),
    });
    inserts.push({ id: insert, text: reply.text, reason: match.description ?? match.name, rule: match.name });
  }
  return { orderNumber: order.number, language, inserts };
}
