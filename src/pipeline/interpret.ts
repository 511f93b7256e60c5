// The interpret stage: what a message means in this conversation, beyond its own words. It fills the slots of
// the question the bot asked, tells an answer from a change of subject, starts the flow a topic needs, reads
// emoji-only messages, and lets a short follow-up continue the last topic. Pure.
import type { Flow, Snapshot } from '../content/index.js';
import { isFollowUp, recent } from './context.js';
import type { ConversationState } from './state.js';
import { fillSlots, flowStartedBy, startForm, type FormState, type SlotSource } from './forms.js';
import { bothLexicons, emojiMeanings, EMPTY_LEXICON, lexiconText, type Lexicon } from '../language/index.js';
import type { Understanding } from './understand.js';

/** Where the intent the bot acts on comes from. */
export type TopicSource = 'message' | 'emoji' | 'words' | 'picture' | 'quick_reply' | 'form' | 'follow_up';

export interface Topic {
  intent: string;
  from: TopicSource;
}

/**
 * What the message does to the question the bot asked:
 * - answer: it fills the question's slot (or another slot of the flow);
 * - digression: it confidently means something else; that is answered, and the question waits;
 * - moved_on: it ends the flow (goodbye, asking for a person);
 * - unknown: the shopper cannot give it ("I don't remember");
 * - repeat: it is about the flow's own topic again but gives nothing ("where is my order??", a tracking code
 *   instead of the number): the rules may answer it, else the question is asked again;
 * - noise: none of these; the question is asked again;
 * - none: the bot asked nothing.
 */
export type Relation = 'answer' | 'repeat' | 'digression' | 'moved_on' | 'unknown' | 'noise' | 'none';

export interface FormInProgress {
  flow: Flow;
  form: FormState;
  /** Slots this message filled. */
  filled: string[];
}

export interface Interpretation {
  /** The intent the bot acts on; none when the message is unclear. */
  topic?: Topic;
  relation: Relation;
  /** The flow that asked the pending question, with this message taken in. */
  pending?: FormInProgress;
  /** A flow this message's topic starts, with this message taken in. */
  started?: FormInProgress;
  lexicon: Lexicon;
  source: SlotSource;
}

export interface InterpretInput {
  conversation: ConversationState;
  payload?: string;
  attachments: string[];
}

/** A flow the message's words or pictures start: problem words in a return, a photo sent for no other reason. */
function flowByEvidence(snapshot: Snapshot, intent: Understanding['intent'], source: SlotSource): Topic | undefined {
  for (const flow of snapshot.flows.flows.values()) {
    const [starter] = flow.startsOn.intents;
    const { words, pictures } = flow.startsOn;
    if (!starter) continue;
    const mayOverride = !intent.confident || !!words?.withIntents.includes(intent.intent);
    if (words && mayOverride && source.lexicon.kinds.get(words.list)?.find(source.words)) return { intent: starter, from: 'words' };
    if (pictures && !intent.confident && source.attachments.length > 0) return { intent: starter, from: 'picture' };
  }
  return undefined;
}

/** The topic of the message on its own: an emoji, a quick reply, words and pictures that start a flow, its intent. */
function ownTopic(snapshot: Snapshot, understood: Understanding, source: SlotSource, emoji: string[]): Topic | undefined {
  const { intent } = understood;
  const emojiIntent = emoji.find((meaning) => meaning !== 'yes' && meaning !== 'no');
  if (emojiIntent) return { intent: emojiIntent, from: 'emoji' };
  if (source.payload?.startsWith('intent:')) return intent.confident ? { intent: intent.intent, from: 'quick_reply' } : undefined;
  const byEvidence = flowByEvidence(snapshot, intent, source);
  if (byEvidence) return byEvidence;
  if (intent.confident) return { intent: intent.intent, from: 'message' };
  const starter = flowStartedBy(snapshot.flows, undefined, source.payload)?.startsOn.intents[0];
  return starter ? { intent: starter, from: 'quick_reply' } : undefined;
}

/** The flow waiting for an answer. A question a rule asked for a flow's intent joins that flow. */
function pendingForm(snapshot: Snapshot, conversation: ConversationState): { flow: Flow; form: FormState } | undefined {
  const { form, awaiting } = conversation;
  const flow = form && snapshot.flows.flows.get(form.flow);
  if (flow && form) return { flow, form };
  const intent = awaiting?.intent ?? (awaiting?.slot === 'orderNumber' ? 'order_status' : undefined);
  const joined = intent ? flowStartedBy(snapshot.flows, intent, undefined) : undefined;
  if (!joined || !awaiting || !joined.slots.some((slot) => slot.name === awaiting.slot)) return undefined;
  return { flow: joined, form: { flow: joined.name, intent: intent!, slots: {}, pending: awaiting.slot, asks: 1 } };
}

/** Longer messages that say "I don't know" are about something else ("I don't know if you ship to Canada"). */
const MAX_UNKNOWN_WORDS = 6;

/**
 * The answer to the question wins whatever else the words resemble ("my order number is 100234" while the bot
 * asked for it); another slot of the flow counts as an answer unless the message is confidently about something
 * else ("and where is order 100235?" while the bot asked for an e-mail).
 */
function relate(pending: FormInProgress, topic: Topic | undefined, source: SlotSource): Relation {
  const isOwnTopic = !topic || topic.intent === pending.form.intent;
  if (pending.form.pending && pending.filled.includes(pending.form.pending)) return 'answer';
  if (pending.filled.length > 0 && isOwnTopic) return 'answer';
  if (source.words.wordCount <= MAX_UNKNOWN_WORDS && source.lexicon.dontKnow.matches(source.words)) return 'unknown';
  if (!topic) return 'noise';
  if (isOwnTopic) return 'repeat';
  return pending.flow.digressions.endOn.includes(topic.intent) ? 'moved_on' : 'digression';
}

/** The last topic a short message with no intent of its own continues, if it is one. */
function followUpTopic(snapshot: Snapshot, understood: Understanding, source: SlotSource, conversation: ConversationState): Topic | undefined {
  const { flows } = snapshot;
  const lastTopic = recent(conversation.context?.topic, conversation.turns, flows.settings.rememberTurns)?.intent;
  const topicFlow = lastTopic ? flowStartedBy(flows, lastTopic, undefined) : undefined;
  const topicEntities = topicFlow?.slots.flatMap((slot) => (slot.fill.kind === 'entity' ? [slot.fill.entity] : []));
  const isContinued = isFollowUp({
    words: source.words,
    lexicon: source.lexicon,
    entities: understood.entities,
    intent: understood.intent,
    lastTopic,
    topicEntities,
    settings: flows.settings,
  });
  return isContinued ? { intent: lastTopic!, from: 'follow_up' } : undefined;
}

/** The message's words, in its own language and the conversation's. */
function sourceOf(snapshot: Snapshot, understood: Understanding, input: InterpretInput, emojiAnswer: 'yes' | 'no' | undefined): SlotSource {
  const languages = [understood.language.language, input.conversation.language];
  const own = snapshot.lexicons.get(languages[0]!) ?? snapshot.lexicons.get(snapshot.settings.defaultLanguage) ?? EMPTY_LEXICON;
  const lexicon = bothLexicons(own, languages[1] ? snapshot.lexicons.get(languages[1]) : undefined);
  return {
    text: understood.text,
    words: lexiconText(understood.text),
    lexicon,
    entities: understood.entities,
    payload: input.payload,
    attachments: input.attachments,
    emojiAnswer,
  };
}

export function interpret(snapshot: Snapshot, understood: Understanding, input: InterpretInput): Interpretation {
  const { conversation } = input;
  const emoji = emojiMeanings(understood.text, snapshot.flows.emoji);
  const source = sourceOf(
    snapshot,
    understood,
    input,
    emoji.find((meaning): meaning is 'yes' | 'no' => meaning === 'yes' || meaning === 'no'),
  );
  let topic = ownTopic(snapshot, understood, source, emoji);
  const waiting = pendingForm(snapshot, conversation);
  const filled = waiting && { flow: waiting.flow, ...fillSlots(waiting.flow, waiting.form, source) };
  let relation: Relation = filled ? relate(filled, topic, source) : 'none';
  if (relation === 'answer') topic = { intent: waiting!.form.intent, from: 'form' };
  if (!topic && relation !== 'unknown') {
    topic = followUpTopic(snapshot, understood, source, conversation);
    if (topic && filled) relation = relate(filled, topic, source);
  }
  // A message about something else leaves the waiting flow as it was: its order number is not that message's.
  const pending = filled && (relation === 'answer' ? filled : { ...waiting!, filled: [] });
  const startsFlow = topic && (relation === 'none' || relation === 'digression' || relation === 'moved_on');
  const flow = startsFlow ? flowStartedBy(snapshot.flows, topic!.intent, source.payload) : undefined;
  const started = flow && { flow, ...startForm(flow, topic!.intent, source) };
  return { topic, relation, pending, started, lexicon: source.lexicon, source };
}
