// The compiled shape of flows/ (multi-turn requests such as "cancel my order"): what each flow asks for, how a
// message fills each slot, and what happens once everything is in. The knowledge loader builds these once per
// snapshot; the pipeline's form stage (pipeline/forms.ts) runs them.

/** A check over the rules' facts, compiled from a condition in the rules' own syntax. */
export type Predicate = (facts: Record<string, unknown>) => boolean;

export type SlotFill =
  | { kind: 'entity'; entity: 'orderNumber' | 'email' | 'country' | 'trackingCode' }
  | { kind: 'yesNo' }
  | { kind: 'picture' }
  | { kind: 'text' }
  | { kind: 'words'; list: string };

export interface FlowSlot {
  name: string;
  fill: SlotFill;
  /** Quick replies "<quickReply>:<value>" fill the slot ("confirm:yes", "problem:damaged"). */
  quickReply?: string;
  /** The question (a template); a slot without one is optional and never asked for. */
  ask?: string;
  /** The brief question repeated once after the shopper asked something else in between. */
  remind?: string;
  /** The reply when the shopper cannot give it ("I don't remember my e-mail"). */
  ifUnknown?: string;
  /** Asked only while this holds (the order look-up says the e-mail is needed…); always when absent. */
  askWhen?: Predicate;
}

export type EffectSpec =
  | { type: 'request_cancellation' }
  | { type: 'request_change' }
  | { type: 'open_case' }
  | { type: 'hand_off'; reason: string; priority: number };

export interface Flow {
  name: string;
  description?: string;
  startsOn: {
    intents: string[];
    /** A picture sent for no other reason starts it. */
    pictures: boolean;
    /** Words of a lexicon list start it, for a message that is unclear or has one of these intents. */
    words?: { list: string; withIntents: string[] };
  };
  slots: FlowSlot[];
  /** One question for several missing slots at the start ("the order number and a photo"). */
  askTogether?: string;
  done?: { when?: Predicate; effects: EffectSpec[]; reply?: string; tag?: string };
  digressions: {
    /** Intents that end the flow: the shopper has moved on. */
    endOn: string[];
    /** Whether the pending question is repeated briefly (once) after a message about something else. */
    remind: boolean;
  };
}

export interface FlowSettings {
  /** A question is asked at most this many times in a row; the next time the bot offers a person. */
  maxAsks: number;
  offerPerson: string;
  unknownAnswer: string;
  /** Messages for which a country, an order number or the last topic stay in the conversation's context. */
  rememberTurns: number;
  followUps: { maxWords: number; intents: string[] };
  /** Never a topic of their own: not continued by a follow-up, never offered as a topic. */
  smallTalk: string[];
  /** Intents that close the topic ("thanks", "👍"). */
  closing: string[];
  /** Offered as quick replies, after any likely intents, when a message is unclear. */
  unclearTopics: string[];
  /** Emoji-only messages: what each emoji means, "yes", "no" or an intent. */
  emoji: Record<string, string[]>;
}

export interface FlowSet {
  flows: ReadonlyMap<string, Flow>;
  settings: FlowSettings;
  /** Each emoji (without variation selectors or skin tones) → what it means, in the order settings list them. */
  emoji: ReadonlyMap<string, string[]>;
}
