// The form stage's own logic, on small flows written here: how a message fills slots, which question comes next,
// when a question is repeated or a person offered, and what a finished flow does.
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/pipeline/decide.js';
import type { Flow, FlowSet, FlowSettings } from '../../src/content/index.js';
import { afterRules, askAgain, cannotAnswer, finishFlow, type FormSituation } from '../../src/pipeline/form-turn.js';
import { asked, fillSlots, flowStartedBy, missingSlots, nextQuestion, startForm, type FormState, type SlotSource } from '../../src/pipeline/forms.js';
import type { FormInProgress } from '../../src/pipeline/interpret.js';
import { compileLexicon, lexiconText } from '../../src/language/index.js';

const lexicon = compileLexicon({
  yes: ['yes', 'sure'],
  no: ['no', 'nope'],
  dontKnow: [],
  followUp: [],
  problem: { damaged: ['broken', 'cracked'], wrong: ['wrong item'] },
});

const source = (text: string, extra: Partial<SlotSource> = {}): SlotSource => ({
  text,
  words: lexiconText(text),
  lexicon,
  entities: {},
  attachments: [],
  ...extra,
});

const cancel: Flow = {
  name: 'cancel_order',
  startsOn: { intents: ['cancel_order'], pictures: false },
  slots: [
    { name: 'orderNumber', fill: { kind: 'entity', entity: 'orderNumber' }, ask: 'cancel.ask_number', ifUnknown: 'cancel.no_number' },
    { name: 'email', fill: { kind: 'entity', entity: 'email' }, ask: 'cancel.ask_email', askWhen: (facts) => facts.needsEmail === true },
    { name: 'confirm', fill: { kind: 'yesNo' }, quickReply: 'confirm', ask: 'cancel.confirm' },
  ],
  done: { when: (facts) => facts.confirm === 'yes', effects: [{ type: 'request_cancellation' }], reply: 'cancel.done', tag: 'cancelled' },
  digressions: { endOn: ['greeting'], remind: true },
};

const problem: Flow = {
  name: 'item_problem',
  startsOn: { intents: ['damaged_item'], pictures: true },
  slots: [
    { name: 'orderNumber', fill: { kind: 'entity', entity: 'orderNumber' }, ask: 'problem.ask_number', remind: 'problem.remind_number' },
    { name: 'problem', fill: { kind: 'words', list: 'problem' }, quickReply: 'problem', ask: 'problem.ask_kind' },
    { name: 'photos', fill: { kind: 'picture' }, ask: 'problem.ask_photos' },
    { name: 'details', fill: { kind: 'text' } },
  ],
  askTogether: 'problem.ask_number_and_photos',
  done: { effects: [{ type: 'open_case' }, { type: 'hand_off', reason: 'item_problem', priority: 2 }], reply: 'problem.done' },
  digressions: { endOn: [], remind: true },
};

const settings: FlowSettings = {
  maxAsks: 2,
  offerPerson: 'offer_person',
  unknownAnswer: 'unknown_answer',
  rememberTurns: 5,
  followUps: { maxWords: 4, intents: [] },
  smallTalk: [],
  closing: [],
  unclearTopics: [],
  emoji: {},
};
const flows: FlowSet = {
  flows: new Map([
    [cancel.name, cancel],
    [problem.name, problem],
  ]),
  settings,
  emoji: new Map(),
};

const form = (flow: Flow, slots: FormState['slots'] = {}, rest: Partial<FormState> = {}): FormState => ({
  flow: flow.name,
  intent: flow.startsOn.intents[0]!,
  slots,
  asks: 0,
  ...rest,
});
const inProgress = (flow: Flow, state: FormState, filled: string[] = []): FormInProgress => ({ flow, form: state, filled });
const situation = (extra: Partial<FormSituation>): FormSituation => ({ relation: 'answer', facts: {}, settings, ...extra });

describe('filling slots', () => {
  it('takes an order number from any message, written the store’s way, and says what it filled', () => {
    const { form: started, filled } = startForm(cancel, 'cancel_order', source('cancel 100234 please', { entities: { orderNumber: '#100234' } }));
    expect(started).toMatchObject({ flow: 'cancel_order', intent: 'cancel_order', slots: { orderNumber: '100234' }, asks: 0 });
    expect(filled).toEqual(['orderNumber']);
  });

  it('reads a yes or no only as the answer to the question asked, or from its quick reply', () => {
    expect(fillSlots(cancel, form(cancel), source('yes')).filled).toEqual([]);
    expect(fillSlots(cancel, form(cancel, {}, { pending: 'confirm' }), source('sure')).form.slots.confirm).toBe('yes');
    expect(fillSlots(cancel, form(cancel, {}, { pending: 'confirm' }), source('👎', { emojiAnswer: 'no' })).form.slots.confirm).toBe('no');
    expect(fillSlots(cancel, form(cancel), source('Yes', { payload: 'confirm:yes' })).form.slots.confirm).toBe('yes');
  });

  it('reads listed words anywhere, and a quick reply only when its value is on the list', () => {
    expect(fillSlots(problem, form(problem), source('the mug arrived cracked')).form.slots.problem).toBe('damaged');
    expect(fillSlots(problem, form(problem), source('Wrong', { payload: 'problem:wrong' })).form.slots.problem).toBe('wrong');
    expect(fillSlots(problem, form(problem), source('x', { payload: 'problem:<script>' })).filled).toEqual([]);
  });

  it('keeps free text from the first message or the answer to its question, never from a message in between', () => {
    expect(startForm(problem, 'damaged_item', source('the handle came off')).form.slots.details).toBe('the handle came off');
    expect(fillSlots(problem, form(problem, {}, { pending: 'orderNumber' }), source('also, do you ship to Peru?')).form.slots.details).toBeUndefined();
  });

  it('adds new pictures to those already given, without repeats and up to ten', () => {
    const first = fillSlots(problem, form(problem), source('', { attachments: ['a', 'b'] })).form;
    const again = fillSlots(problem, first, source('', { attachments: ['b', 'c'] }));
    expect(again.form.slots.photos).toEqual(['a', 'b', 'c']);
    expect(fillSlots(problem, again.form, source('', { attachments: ['a'] })).filled).toEqual([]);
    const many = Array.from({ length: 12 }, (_, index) => `p${index}`);
    expect(fillSlots(problem, again.form, source('', { attachments: many })).form.slots.photos).toHaveLength(10);
  });

  it('does not count a value given again as new', () => {
    expect(fillSlots(cancel, form(cancel, { orderNumber: '100234' }), source('100234', { entities: { orderNumber: '100234' } })).filled).toEqual([]);
  });
});

describe('choosing the flow and the next question', () => {
  it('starts a flow by its intent or by a quick reply that fills one of its slots, else none', () => {
    expect(flowStartedBy(flows, 'cancel_order', undefined)?.name).toBe('cancel_order');
    expect(flowStartedBy(flows, undefined, 'problem:damaged')?.name).toBe('item_problem');
    expect(flowStartedBy(flows, 'greeting', 'intent:greeting')).toBeUndefined();
  });

  it('asks only for what is missing and needed now', () => {
    expect(missingSlots(cancel, form(cancel, { orderNumber: '100234' }), {}).map((slot) => slot.name)).toEqual(['confirm']);
    expect(missingSlots(cancel, form(cancel, { orderNumber: '100234' }), { needsEmail: true }).map((slot) => slot.name)).toEqual(['email', 'confirm']);
    expect(nextQuestion(cancel, form(cancel, { orderNumber: '1', confirm: 'yes' }), {})).toBeUndefined();
  });

  it('asks for several things in one question only when nothing was given yet', () => {
    expect(nextQuestion(problem, form(problem), {})?.template).toBe('problem.ask_number_and_photos');
    expect(nextQuestion(problem, form(problem, { problem: 'damaged' }), {})?.template).toBe('problem.ask_number');
  });

  it('counts a question asked again only when nothing was given since', () => {
    const once = asked(form(cancel), 'confirm', false);
    expect(once).toMatchObject({ pending: 'confirm', asks: 1, reminded: false });
    expect(asked(once, 'confirm', false).asks).toBe(2);
    expect(asked(once, 'confirm', true).asks).toBe(1);
    expect(asked({ ...once, reminded: true }, 'orderNumber', false)).toMatchObject({ pending: 'orderNumber', asks: 1, reminded: false });
  });
});

describe('a turn in a flow', () => {
  it('asks again with the values already given, then offers a person once asked as often as allowed', () => {
    const waiting = form(cancel, { orderNumber: '100234' }, { pending: 'confirm', asks: 1 });
    const again = askAgain(situation({ pending: inProgress(cancel, waiting) }));
    expect(again).toMatchObject({
      step: 'ask_again',
      action: 'ask',
      parts: [{ template: 'cancel.confirm', values: { orderNumber: '100234' } }],
      form: { asks: 2 },
    });
    expect(askAgain(situation({ pending: inProgress(cancel, again.form!) }))).toMatchObject({
      step: 'offer_person',
      action: 'reply',
      parts: [{ template: 'offer_person' }],
    });
    expect(askAgain(situation({}))).toMatchObject({ step: 'ended', parts: [] });
  });

  it('says what else can be done when the shopper cannot give what was asked', () => {
    expect(cannotAnswer(situation({ pending: inProgress(cancel, form(cancel, {}, { pending: 'orderNumber' })) })).parts).toEqual([
      { template: 'cancel.no_number' },
    ]);
    expect(cannotAnswer(situation({ pending: inProgress(cancel, form(cancel, {}, { pending: 'confirm' })) })).parts).toEqual([{ template: 'unknown_answer' }]);
  });

  it('finishes a flow only when this message filled something, nothing is missing and its condition holds', () => {
    const complete = form(cancel, { orderNumber: '100234', confirm: 'yes' });
    expect(finishFlow(inProgress(cancel, complete, []), { confirm: 'yes' }, { orderNumber: '100234' })).toBeUndefined();
    expect(finishFlow(inProgress(cancel, complete, ['confirm']), { confirm: 'no' }, { orderNumber: '100234' })).toBeUndefined();
    expect(finishFlow(inProgress(cancel, complete, ['confirm']), { confirm: 'yes' }, { orderNumber: '100234' })).toMatchObject({
      step: 'done',
      action: 'reply',
      parts: [{ template: 'cancel.done' }],
      tags: ['cancelled'],
      effects: [{ type: 'request_cancellation', orderNumber: '100234' }],
      opensCase: false,
    });
  });

  it('hands a finished flow to a person when its effects say so, with the case it opens', () => {
    const complete = form(problem, { orderNumber: '100234', problem: 'damaged', photos: ['a'] });
    const outcome = finishFlow(
      inProgress(problem, complete, ['photos']),
      {},
      { orderNumber: '100234', case: { orderNumber: '100234', problem: 'damaged', photos: 1 } },
    );
    expect(outcome).toMatchObject({ action: 'handoff', handoff: { reason: 'item_problem', priority: 2 }, opensCase: true });
  });

  it('after the rules: asks the flow’s next question when no rule answered, and ends it on a hand-off', () => {
    const started = inProgress(cancel, form(cancel, { orderNumber: '100234' }), ['orderNumber']);
    expect(afterRules(situation({ relation: 'none', started }), { tags: [] })).toMatchObject({
      action: 'ask',
      step: 'ask',
      parts: [{ template: 'cancel.confirm' }],
      form: { pending: 'confirm', asks: 1 },
    });
    const handoff = afterRules(situation({ relation: 'none', started }), {
      rule: 'angry',
      tags: [],
      action: { type: 'handoff', params: { template: 'handoff.sorry', reason: 'angry', priority: 3 } },
    });
    expect(handoff).toMatchObject({ action: 'handoff', handoff: { reason: 'angry', priority: 3 }, step: 'ended' });
    expect(handoff.form).toBeUndefined();
  });

  it('after the rules: answers a change of subject, then repeats the pending question briefly, once', () => {
    const waiting = inProgress(problem, form(problem, {}, { pending: 'orderNumber', asks: 1 }));
    const answer: Decision = { rule: 'shipping', tags: [], action: { type: 'reply', params: { template: 'shipping.times' } } };
    const first = afterRules(situation({ relation: 'digression', pending: waiting }), answer);
    expect(first).toMatchObject({ step: 'remind', parts: [{ template: 'shipping.times' }, { template: 'problem.remind_number' }], form: { reminded: true } });
    const second = afterRules(situation({ relation: 'digression', pending: inProgress(problem, first.form!) }), answer);
    expect(second.parts).toEqual([{ template: 'shipping.times' }]);
    expect(second.form).toMatchObject({ pending: 'orderNumber' });
  });
});
