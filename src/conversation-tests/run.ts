// Runs conversation tests against a snapshot: each test is a fresh conversation whose state carries from step
// to step, as in the widget.
import { dryRunTurn, type DryRunResult } from '../conversations/index.js';
import type { Snapshot } from '../knowledge/index.js';
import { createMemoryOrderSource, type Order } from '../orders/index.js';
import type { ConversationState, PipelineContext } from '../pipeline/index.js';
import type { Catalogue } from '../products/index.js';
import type { ConversationTest, Expectation } from './schema.js';

export interface StepFailure {
  test: string;
  step: number;
  say: string;
  photos?: number;
  expected: Expectation;
  actual: DryRunResult;
  mismatches: string[];
}

function actualValue(result: DryRunResult, key: keyof Expectation): unknown {
  switch (key) {
    case 'language':
      return result.language.language;
    case 'intent':
      return result.intent.intent;
    case 'reply':
      return result.reply?.templateId;
    case 'replies':
      return result.reply ? (result.reply.parts ?? [result.reply.templateId]) : [];
    case 'effects':
      return result.effects.map((effect) => effect.type);
    case 'quickReplies':
      return result.reply?.quickReplies.map((quickReply) => quickReply.value) ?? [];
    case 'action':
      return result.action;
    case 'rule':
      return result.rule;
    case 'awaiting':
      return result.conversation.awaiting?.slot ?? null;
    case 'contains':
      return result.reply?.text;
    case 'card':
      return result.reply?.cards?.[0]?.productId ?? null;
    case 'tag':
      return result.conversation.tags ?? [];
    case 'case': {
      const current = result.conversation.case;
      return current ? { status: current.status, orderNumber: current.orderNumber, problem: current.problem, photos: current.attachmentIds.length } : null;
    }
  }
}

function caseMatches(want: Expectation['case'], got: unknown): boolean {
  if (want === null || got === null) return want === got;
  const actual = got as Record<string, unknown>;
  return Object.entries(want ?? {}).every(([key, value]) => actual[key] === value);
}

export function compare(expected: Expectation, result: DryRunResult): string[] {
  const mismatches: string[] = [];
  for (const key of Object.keys(expected) as (keyof Expectation)[]) {
    const want = expected[key];
    const got = actualValue(result, key);
    const matches =
      key === 'contains'
        ? typeof got === 'string' && got.includes(String(want))
        : key === 'tag'
          ? (got as string[]).includes(String(want))
          : key === 'case'
            ? caseMatches(expected.case, got)
            : Array.isArray(want)
              ? JSON.stringify(got) === JSON.stringify(want)
              : got === want;
    if (!matches) mismatches.push(key);
  }
  return mismatches;
}

export async function runConversationTest(
  snapshot: Snapshot,
  test: ConversationTest,
  now: Date,
  orders: Order[] = [],
  catalogue?: Catalogue,
): Promise<{ steps: number; failures: StepFailure[] }> {
  let conversation: ConversationState | undefined;
  const failures: StepFailure[] = [];
  // Each test reads its own copy of the orders; a dry run never changes them.
  const source = createMemoryOrderSource(orders);
  const { customerId, customerOrders, ...situation } = test.context ?? {};
  const context: PipelineContext = {
    ...situation,
    ...(customerId ? { customer: { id: customerId, ...(customerOrders === undefined ? {} : { orders: customerOrders }) } } : {}),
    ...(catalogue ? { catalogue } : {}),
    ...(test.page ? { page: test.page } : {}),
  };
  if (test.now) now = new Date(test.now);
  for (const [index, step] of test.steps.entries()) {
    const attachments = Array.from({ length: step.photos ?? 0 }, (_, photo) => `test-photo-${index + 1}-${photo + 1}`);
    const actual = await dryRunTurn(
      snapshot,
      { text: step.say, payload: step.payload, locale: test.locale, conversation, now, variantSeed: 0, context, attachments },
      { orders: source, outcomes: step.outcomes },
    );
    conversation = actual.conversation;
    const mismatches = compare(step.expect, actual);
    if (mismatches.length > 0)
      failures.push({ test: test.name, step: index + 1, say: step.say, photos: step.photos, expected: step.expect, actual, mismatches });
  }
  return { steps: test.steps.length, failures };
}

export function describeFailure(failure: StepFailure): string {
  const { actual } = failure;
  const expected = Object.entries(failure.expected)
    .map(([key, value]) => `${key} ${JSON.stringify(value)}`)
    .join(', ');
  return [
    `✗ ${failure.test} › step ${failure.step}: the shopper ${failure.photos ? `sends ${failure.photos} photo(s)${failure.say ? ' and says ' : ''}` : 'says '}${failure.say ? JSON.stringify(failure.say) : ''}`,
    `    expected  ${expected}`,
    `    actual    language "${actual.language.language}", intent "${actual.intent.intent}" (${actual.intent.confidence.toFixed(2)}), rule "${actual.rule ?? '-'}" → ${actual.action}${actual.reply ? ` "${(actual.reply.parts ?? [actual.reply.templateId]).join('" + "')}"` : ''}${actual.effects.length ? `, effects ${actual.effects.map((effect) => effect.type).join(', ')}` : ''}${actual.conversation.awaiting ? `, awaiting ${actual.conversation.awaiting.slot}` : ''}${actual.conversation.case ? `, case ${JSON.stringify(actualValue(actual, 'case'))}` : ''}`,
    `    reply     ${actual.reply ? JSON.stringify(actual.reply.text) : '(none)'}`,
    `    mismatch  ${failure.mismatches.join(', ')}`,
  ].join('\n');
}
