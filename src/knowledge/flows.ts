// flows/: multi-turn requests as content. Each flows/<name>.json describes one flow (its slots, the question for
// each, how a message fills it, what happens once all are in, and how it treats a change of subject);
// flows/settings.json holds what every conversation shares (how long context lasts, follow-ups, emoji, topics).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { EffectSpec, Flow, FlowSet, FlowSettings, SlotFill } from '../content/index.js';
import type { ContentProblem } from '../shared/index.js';
import { problemAt, type JsonDocument } from '../shared/index.js';
import { bareEmoji, type Lexicon } from '../language/index.js';
import { compileLexicons, kindListProblems, readLexicons, type ContentFiles } from './lexicon.js';
import { compileCondition } from './rules.js';
import { Condition, IntentId, TemplateId } from '../content/index.js';

const Name = z.string().regex(/^[a-z][A-Za-z0-9_]*$/, 'names are plain words such as "orderNumber"');
const FILL = /^(entity:(orderNumber|email|country|trackingCode)|yes\/no|picture|text|words:[a-z][A-Za-z0-9_]*)$/;

const Slot = z.strictObject({
  name: Name,
  fill: z
    .string()
    .regex(FILL, 'fill is one of entity:orderNumber, entity:email, entity:country, entity:trackingCode, yes/no, picture, text, words:<lexicon list>'),
  quickReply: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'a quick reply prefix such as "problem" (for "problem:damaged")')
    .optional(),
  ask: TemplateId.optional(),
  remind: TemplateId.optional(),
  ifUnknown: TemplateId.optional(),
  askWhen: Condition.optional(),
});

const Effect = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('request_cancellation') }),
  z.strictObject({ type: z.literal('request_change') }),
  z.strictObject({ type: z.literal('open_case') }),
  z.strictObject({ type: z.literal('hand_off'), reason: z.string().min(1).max(60), priority: z.number().int().min(0).max(10).default(0) }),
]);

export const FlowFile = z.strictObject({
  description: z.string().optional(),
  startsOn: z.strictObject({
    intents: z.array(IntentId).default([]),
    pictures: z.boolean().default(false),
    words: z.strictObject({ list: Name, withIntents: z.array(IntentId).default([]) }).optional(),
  }),
  slots: z.array(Slot).min(1, 'a flow needs at least one slot'),
  askTogether: TemplateId.optional(),
  done: z
    .strictObject({ when: Condition.optional(), effects: z.array(Effect).default([]), reply: TemplateId.optional(), tag: z.string().min(1).max(60).optional() })
    .optional(),
  digressions: z
    .strictObject({ endOn: z.array(IntentId).default(['goodbye', 'human_agent']), remind: z.boolean().default(true) })
    .default({ endOn: ['goodbye', 'human_agent'], remind: true }),
});
export type FlowFile = z.infer<typeof FlowFile>;

export const FlowSettingsFile = z.strictObject({
  maxAsks: z.number().int().min(1).max(5).default(2),
  offerPerson: TemplateId.default('flow.offer_person'),
  unknownAnswer: TemplateId.default('flow.without_answer'),
  rememberTurns: z.number().int().min(0).max(50).default(6),
  followUps: z
    .strictObject({ maxWords: z.number().int().min(1).max(20).default(6), intents: z.array(IntentId).default([]) })
    .default({ maxWords: 6, intents: [] }),
  smallTalk: z.array(IntentId).default(['greeting', 'thanks', 'goodbye']),
  closing: z.array(IntentId).default(['thanks', 'goodbye']),
  unclearTopics: z.array(IntentId).default([]),
  emoji: z.record(IntentId, z.array(z.string().min(1).max(16))).default({}),
});

export const DEFAULT_FLOW_SETTINGS: FlowSettings = FlowSettingsFile.parse({});

interface FlowRead {
  name: string;
  value: FlowFile;
  document: JsonDocument;
}

export interface FlowsRead {
  flows: FlowRead[];
  settings: { value: FlowSettings; document?: JsonDocument };
}

export async function readFlows(files: ContentFiles, contentDir: string): Promise<FlowsRead> {
  const names = await readdir(path.join(contentDir, 'flows')).catch(() => [] as string[]);
  const flows: FlowRead[] = [];
  for (const file of names.filter((name) => name.endsWith('.json') && name !== 'settings.json').sort()) {
    const read = await files.read(`flows/${file}`, FlowFile);
    if (read) flows.push({ name: file.slice(0, -'.json'.length), ...read });
  }
  const settings = await files.read('flows/settings.json', FlowSettingsFile, true);
  return { flows, settings: settings ?? { value: DEFAULT_FLOW_SETTINGS } };
}

export interface FlowKnowledge {
  /** Templates of the default language. */
  templates: ReadonlySet<string>;
  intents: ReadonlySet<string>;
  /** Checks one condition's operator and pattern (the rules' own check). */
  conditionProblems(document: JsonDocument, condition: Condition, at: (string | number)[]): ContentProblem[];
}

function isWritten(document: JsonDocument, at: (string | number)[]): boolean {
  let value: unknown = document.value;
  for (const key of at) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value !== undefined;
}

/** Templates and intents a flow names must exist; no intent may start two flows; slot names are unique. */
export function flowProblems(read: FlowsRead, known: FlowKnowledge): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const template = (document: JsonDocument, at: (string | number)[], id: string | undefined) => {
    if (id && !known.templates.has(id)) problems.push(problemAt(document, at, `unknown template "${id}"`));
  };
  // Intents are checked where the operator wrote them; a default names intents the content may not have.
  const intents = (document: JsonDocument, at: (string | number)[], ids: string[]) =>
    isWritten(document, at) &&
    ids.forEach((id, index) => known.intents.has(id) || problems.push(problemAt(document, [...at, index], `unknown intent "${id}"`)));
  const starter = new Map<string, string>();
  for (const { name, value, document } of read.flows) {
    value.startsOn.intents.forEach((intent, index) => {
      const other = starter.get(intent);
      if (other) problems.push(problemAt(document, ['startsOn', 'intents', index], `intent "${intent}" already starts the flow "${other}"`));
      starter.set(intent, name);
    });
    intents(document, ['startsOn', 'intents'], value.startsOn.intents);
    intents(document, ['startsOn', 'words', 'withIntents'], value.startsOn.words?.withIntents ?? []);
    intents(document, ['digressions', 'endOn'], value.digressions.endOn);
    template(document, ['askTogether'], value.askTogether);
    template(document, ['done', 'reply'], value.done?.reply);
    if (value.done?.when) problems.push(...known.conditionProblems(document, value.done.when, ['done', 'when']));
    value.slots.forEach((slot, index) => {
      if (value.slots.findIndex((other) => other.name === slot.name) !== index)
        problems.push(problemAt(document, ['slots', index, 'name'], `slot "${slot.name}" is named twice`));
      for (const key of ['ask', 'remind', 'ifUnknown'] as const) template(document, ['slots', index, key], slot[key]);
      if (slot.askWhen) problems.push(...known.conditionProblems(document, slot.askWhen, ['slots', index, 'askWhen']));
    });
    if (!value.slots.some((slot) => slot.ask) && !value.done)
      problems.push(problemAt(document, ['slots'], `flow "${name}" neither asks for anything nor does anything when done`, 'warning'));
  }
  const settings = read.settings;
  if (!settings.document && read.flows.length > 0) {
    // Without a settings file the defaults apply, and their templates must exist too.
    for (const id of [settings.value.offerPerson, settings.value.unknownAnswer]) {
      if (!known.templates.has(id))
        problems.push({
          file: 'flows/settings.json',
          line: 1,
          col: 1,
          severity: 'error',
          message: `flows need the template "${id}" (or a flows/settings.json naming another)`,
        });
    }
  }
  if (settings.document) {
    const { document, value } = settings;
    template(document, ['offerPerson'], value.offerPerson);
    template(document, ['unknownAnswer'], value.unknownAnswer);
    intents(document, ['followUps', 'intents'], value.followUps.intents);
    for (const key of ['smallTalk', 'closing', 'unclearTopics'] as const) intents(document, [key], value[key]);
    for (const meaning of Object.keys(value.emoji)) {
      if (meaning !== 'yes' && meaning !== 'no' && !known.intents.has(meaning))
        problems.push(problemAt(document, ['emoji', meaning], `"${meaning}" is neither "yes", "no" nor an intent`));
    }
  }
  return problems;
}

/** Lexicon lists the flows read words from, with where each is first named (for a missing list). */
export function wordListsUsed(read: FlowsRead): Map<string, { file: string; line: number; col: number }> {
  const used = new Map<string, { file: string; line: number; col: number }>();
  for (const { value, document } of read.flows) {
    const mention = (list: string, at: (string | number)[]) => used.has(list) || used.set(list, { file: document.file, ...document.locate(at) });
    if (value.startsOn.words) mention(value.startsOn.words.list, ['startsOn', 'words', 'list']);
    value.slots.forEach((slot, index) => slot.fill.startsWith('words:') && mention(slot.fill.slice('words:'.length), ['slots', index, 'fill']));
  }
  return used;
}

function compileFill(fill: string): SlotFill {
  if (fill.startsWith('entity:')) return { kind: 'entity', entity: fill.slice('entity:'.length) as 'orderNumber' };
  if (fill.startsWith('words:')) return { kind: 'words', list: fill.slice('words:'.length) };
  return { kind: fill === 'yes/no' ? 'yesNo' : (fill as 'picture' | 'text') };
}

export function compileFlows(read: FlowsRead): FlowSet {
  const flows = new Map<string, Flow>();
  for (const { name, value } of read.flows) {
    flows.set(name, {
      name,
      description: value.description,
      startsOn: value.startsOn,
      slots: value.slots.map((slot) => ({
        name: slot.name,
        fill: compileFill(slot.fill),
        quickReply: slot.quickReply ?? (slot.fill === 'yes/no' ? 'confirm' : undefined),
        ask: slot.ask,
        remind: slot.remind,
        ifUnknown: slot.ifUnknown,
        askWhen: slot.askWhen && compileCondition(slot.askWhen),
      })),
      askTogether: value.askTogether,
      done: value.done && { ...value.done, when: value.done.when && compileCondition(value.done.when), effects: value.done.effects as EffectSpec[] },
      digressions: value.digressions,
    });
  }
  const emoji = new Map<string, string[]>();
  for (const [meaning, symbols] of Object.entries(read.settings.value.emoji)) {
    for (const symbol of symbols) emoji.set(bareEmoji(symbol), [...(emoji.get(bareEmoji(symbol)) ?? []), meaning]);
  }
  return { flows, settings: read.settings.value, emoji };
}

export interface FlowContentOptions extends FlowKnowledge {
  contentDir: string;
  languages: string[];
  defaultLanguage: string;
}

/** Reads, checks and compiles flows/ and every language's lexicon (the words the flows read). */
export async function loadFlowContent(files: ContentFiles, options: FlowContentOptions): Promise<{ flows: FlowSet; lexicons: Map<string, Lexicon> }> {
  const lexicons = await readLexicons(files, options.languages);
  const read = await readFlows(files, options.contentDir);
  files.problems.push(...flowProblems(read, options), ...kindListProblems(lexicons, options.defaultLanguage, wordListsUsed(read)));
  return { flows: compileFlows(read), lexicons: compileLexicons(lexicons) };
}
