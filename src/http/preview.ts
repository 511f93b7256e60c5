// POST /api/v1/preview: what the bot would do with a message, for operators testing their content. A dry run: the
// orders are read as in a chat, and the effects a real turn would carry out are listed, never performed.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { dryRunTurn } from '../conversations/index.js';
import { LanguageCode } from '../knowledge/index.js';
import type { OrderSource } from '../orders/index.js';
import type { Catalogue } from '../products/index.js';
import { AppError } from '../shared/index.js';
import { requireOperator } from './operator-auth.js';

const Word = z.string().min(1).max(100);
/** A conversation as a previous preview returned it (its `conversation`), so previews can be chained. */
const PreviewConversation = z.strictObject({
  language: LanguageCode.optional(),
  turns: z.number().int().min(0).default(0),
  lowConfidenceStreak: z.number().int().min(0).default(0),
  awaiting: z.strictObject({ slot: Word, intent: Word.optional(), flow: Word.optional() }).optional(),
  form: z
    .strictObject({
      flow: Word,
      intent: Word,
      slots: z.record(Word, z.union([z.string().max(2000), z.array(Word).max(10)])),
      pending: Word.optional(),
      asks: z.number().int().min(0).default(0),
      reminded: z.boolean().optional(),
    })
    .optional(),
  context: z
    .strictObject({
      country: z.strictObject({ code: z.string().regex(/^[A-Z]{2}$/), turn: z.number().int().min(0) }).optional(),
      topic: z.strictObject({ intent: Word, turn: z.number().int().min(0) }).optional(),
    })
    .optional(),
  tags: z.array(Word).max(50).optional(),
  orderNumber: Word.optional(),
  verifiedOrders: z.array(Word).max(10).optional(),
  failedLookups: z.number().int().min(0).optional(),
  lookupsPausedUntil: z.string().max(40).optional(),
  customerCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  hasNoEmail: z.boolean().optional(),
});

const PreviewRequest = z.strictObject({
  text: z.string().min(1, 'text is required'),
  language: LanguageCode.optional(),
  locale: z.string().max(35).optional(),
  conversation: PreviewConversation.optional(),
});

export default async function previewRoutes(
  app: FastifyInstance,
  { operatorToken, orders, catalogue }: { operatorToken: string; orders: OrderSource; catalogue?: () => Catalogue | undefined },
) {
  app.post('/api/v1/preview', { preHandler: requireOperator(operatorToken) }, async (request) => {
    const parsed = PreviewRequest.safeParse(request.body);
    if (!parsed.success) {
      throw new AppError('invalid_payload', parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
    }
    const snapshot = app.knowledge.current();
    if (!snapshot) throw new AppError('unavailable', 'content is not loaded yet');
    const { text, language, locale, conversation } = parsed.data;
    // The store's orders as the chat sees them: a preview with an order number and its e-mail shows the real answer.
    const products = catalogue?.();
    return dryRunTurn(
      snapshot,
      { text, language, locale, conversation, now: app.clock(), ...(products ? { context: { catalogue: products } } : {}) },
      { orders },
    );
  });
}
