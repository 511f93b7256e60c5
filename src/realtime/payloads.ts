// Every inbound socket payload, parsed with zod at the edge.
import { z } from 'zod';
import { withoutInvisibles } from '../pipeline/index.js';

// linear: anchored, and each repeated part starts with a separator its letters cannot match: one way to match.
const LOCALE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/;

export const ShopperAuth = z.object({
  token: z.string().min(20).max(100).optional(),
  locale: z.string().max(35).regex(LOCALE).optional(),
  identity: z.object({ customerId: z.string().max(200), hash: z.string().max(200) }).optional(),
  /** The page the widget is on; only its http(s) origin and path are kept (a query may hold a token or an e-mail). */
  page: z
    .string()
    .max(2000)
    .transform((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:' ? `${url.origin}${url.pathname}`.slice(0, 500) : undefined;
      } catch {
        return undefined;
      }
    })
    .optional(),
  /** The product the page shows (the widget tag's data-product): its id, handle or SKU. */
  product: z.string().trim().min(1).max(200).optional(),
});

/** Ids of pictures uploaded to the conversation (POST /api/v1/conversations/:id/attachments). */
export const AttachmentIds = z.array(z.string().min(1).max(100)).min(1).max(4);

export const ShopperMessage = z.strictObject({
  text: z.string().default(''),
  attachments: AttachmentIds.optional(),
  clientMessageId: z.string().min(8).max(100),
  payload: z.string().max(200).optional(),
});

export const Typing = z.strictObject({ typing: z.boolean() });

export const Rating = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().max(1000).transform(withoutInvisibles).optional(),
});

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`).join('; ');
}
