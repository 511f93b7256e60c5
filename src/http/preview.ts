// POST /api/v1/preview: what the bot would do with a message, for operators testing their content.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LanguageCode } from '../knowledge/schema.js';
import type { OrderSource } from '../orders/index.js';
import { runPipeline } from '../pipeline/index.js';
import { AppError } from '../shared/errors.js';
import { requireOperator } from './operator-auth.js';

const PreviewRequest = z.strictObject({
  text: z.string().min(1, 'text is required'),
  language: LanguageCode.optional(),
  locale: z.string().max(35).optional(),
  conversation: z
    .strictObject({
      language: LanguageCode.optional(),
      turns: z.number().int().min(0).default(0),
      lowConfidenceStreak: z.number().int().min(0).default(0),
      awaiting: z.strictObject({ slot: z.string().min(1), intent: z.string().optional() }).optional(),
    })
    .optional(),
});

export default async function previewRoutes(app: FastifyInstance, { operatorToken, orders }: { operatorToken: string; orders: OrderSource }) {
  app.post('/api/v1/preview', { preHandler: requireOperator(operatorToken) }, async (request) => {
    const parsed = PreviewRequest.safeParse(request.body);
    if (!parsed.success) {
      throw new AppError('invalid_payload', parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
    }
    const snapshot = app.knowledge.current();
    if (!snapshot) throw new AppError('unavailable', 'content is not loaded yet');
    const { text, language, locale, conversation } = parsed.data;
    // The store's orders as the chat sees them: a preview with an order number and its e-mail shows the real answer.
    return runPipeline(snapshot, { text, language, locale, conversation, now: new Date(), orders });
  });
}
