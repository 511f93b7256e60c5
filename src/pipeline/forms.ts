// The form stage: a flow (flows/<name>.json) collects its slots over several messages. This file fills slots from
// a message, tells which slot to ask for next, and counts how often the same question was asked. Pure.
import { normalizeOrderNumber } from '../orders/index.js';
import type { Entities } from './entities.js';
import type { Flow, FlowSet, FlowSlot } from '../content/index.js';
import { readYesNo, type Lexicon, type LexiconText } from '../language/index.js';

export type SlotValue = string | string[];

/** A flow under way, kept in the conversation's state between messages. */
export interface FormState {
  flow: string;
  /** The intent the flow is about: the one that started it. */
  intent: string;
  slots: Record<string, SlotValue>;
  /** The slot the bot asked for last. */
  pending?: string;
  /** How many times in a row that question was asked without the shopper giving anything. */
  asks: number;
  /** Whether the question was already repeated after the shopper asked something else in between. */
  reminded?: boolean;
}

/** A message as the slots read it. */
export interface SlotSource {
  text: string;
  words: LexiconText;
  lexicon: Lexicon;
  entities: Entities;
  payload?: string;
  attachments: string[];
  /** A yes or no given by emoji alone. */
  emojiAnswer?: 'yes' | 'no';
}

/** Pictures kept in one slot at most. */
const MAX_PICTURES = 10;

function readSlot(slot: FlowSlot, source: SlotSource, isAsked: boolean, isStart: boolean): SlotValue | undefined {
  const { fill } = slot;
  const fromQuickReply = slot.quickReply && source.payload?.startsWith(`${slot.quickReply}:`) ? source.payload.slice(slot.quickReply.length + 1) : undefined;
  switch (fill.kind) {
    case 'entity': {
      const value = source.entities[fill.entity];
      return value && fill.entity === 'orderNumber' ? normalizeOrderNumber(value) : value;
    }
    case 'yesNo':
      if (fromQuickReply === 'yes' || fromQuickReply === 'no') return fromQuickReply;
      return isAsked ? (source.emojiAnswer ?? readYesNo(source.lexicon, source.words)) : undefined;
    case 'picture':
      return source.attachments.length ? source.attachments : undefined;
    case 'text':
      return (isAsked || isStart) && source.text ? source.text : undefined;
    case 'words': {
      const kinds = source.lexicon.kinds.get(fill.list);
      if (fromQuickReply) return kinds && !kinds.kinds.includes(fromQuickReply) ? undefined : fromQuickReply;
      return kinds?.find(source.words);
    }
  }
}

/**
 * The flow's slots with this message taken in, and which slots it changed. A yes or no and free text fill only
 * the slot the bot asked for (free text also fills from the message that starts the flow); entities, pictures,
 * listed words and quick replies fill any slot, so a shopper may give things in any order.
 */
export function fillSlots(flow: Flow, form: FormState, source: SlotSource, isStart = false): { form: FormState; filled: string[] } {
  const slots = { ...form.slots };
  const filled: string[] = [];
  for (const slot of flow.slots) {
    const value = readSlot(slot, source, slot.name === form.pending, isStart);
    if (value === undefined) continue;
    const current = slots[slot.name];
    if (Array.isArray(value)) {
      const kept = Array.isArray(current) ? current : [];
      const fresh = value.filter((id) => !kept.includes(id)).slice(0, Math.max(0, MAX_PICTURES - kept.length));
      if (fresh.length === 0) continue;
      slots[slot.name] = [...kept, ...fresh];
    } else {
      if (current === value) continue;
      slots[slot.name] = value;
    }
    filled.push(slot.name);
  }
  return { form: { ...form, slots }, filled };
}

export function startForm(flow: Flow, intent: string, source: SlotSource): { form: FormState; filled: string[] } {
  return fillSlots(flow, { flow: flow.name, intent, slots: {}, asks: 0 }, source, true);
}

/** The flow a message starts by its intent, by a quick reply that fills one of its slots, or by nothing. */
export function flowStartedBy(flows: FlowSet, intent: string | undefined, payload: string | undefined): Flow | undefined {
  for (const flow of flows.flows.values()) {
    if (intent && flow.startsOn.intents.includes(intent)) return flow;
    if (payload && flow.slots.some((slot) => slot.quickReply && payload.startsWith(`${slot.quickReply}:`))) return flow;
  }
  return undefined;
}

const isFilled = (form: FormState, slot: FlowSlot) => {
  const value = form.slots[slot.name];
  return Array.isArray(value) ? value.length > 0 : value !== undefined;
};

/** Slots still to ask for: they have a question, hold nothing yet, and their condition (if any) holds now. */
export function missingSlots(flow: Flow, form: FormState, facts: Record<string, unknown>): FlowSlot[] {
  return flow.slots.filter((slot) => slot.ask && !isFilled(form, slot) && (!slot.askWhen || slot.askWhen(facts)));
}

export interface Question {
  slot: FlowSlot;
  template: string;
}

/** The next question: one for several missing slots at the start when the flow has it, else the first missing. */
export function nextQuestion(flow: Flow, form: FormState, facts: Record<string, unknown>): Question | undefined {
  const missing = missingSlots(flow, form, facts);
  const [first] = missing;
  if (!first) return undefined;
  const nothingGiven = !flow.slots.some((slot) => slot.ask && isFilled(form, slot));
  return { slot: first, template: flow.askTogether && missing.length > 1 && nothingGiven ? flow.askTogether : first.ask! };
}

/** The form after asking for a slot: the count goes up only when the same slot is asked with nothing given since. */
export function asked(form: FormState, slot: string, gaveSomething: boolean): FormState {
  const asks = form.pending === slot && !gaveSomething ? form.asks + 1 : 1;
  return { ...form, pending: slot, asks, reminded: form.pending === slot ? form.reminded : false };
}

export const slotOf = (flow: Flow, name: string | undefined) => flow.slots.find((slot) => slot.name === name);
