// The shopper's case about a damaged, wrong, missing or faulty item. It is gathered by the item_problem flow
// (flows/item_problem.json: order number, kind of problem, photos) and opened when that flow is done; an open case
// takes later photos in. The `case` fact shows it to the rules either way. Pure: no clock, no store.
import type { FormState } from './forms.js';

export type ProblemKind = 'damaged' | 'wrong' | 'missing' | 'faulty';

export interface CaseState {
  status: 'collecting' | 'open';
  orderNumber?: string;
  problem?: ProblemKind;
  attachmentIds: string[];
  openedAt?: string;
  /** Whether the shopper proved the order is theirs when the case opened; agents are told when not. */
  ownerVerified?: boolean;
}

/** The `case` fact: the case with this message taken in. */
export interface CaseFact {
  status: CaseState['status'];
  orderNumber?: string;
  problem?: ProblemKind;
  /** Photos in the case so far. */
  photos: number;
  /** Whether this message started the case or added to it. */
  updated: boolean;
}

/** At most this many photos are kept in one case. */
const CASE_PHOTOS = 10;

/** The case a flow's slots describe (orderNumber, problem, photos). */
export function caseFromForm(form: FormState): CaseState {
  const { orderNumber, problem, photos } = form.slots;
  return {
    status: 'collecting',
    ...(typeof orderNumber === 'string' ? { orderNumber } : {}),
    ...(typeof problem === 'string' ? { problem: problem as ProblemKind } : {}),
    attachmentIds: Array.isArray(photos) ? photos : [],
  };
}

/** An open case with the photos of a message that is not clearly about something else. */
export function addToOpenCase(open: CaseState, attachmentIds: string[], isElsewhere: boolean): { state: CaseState; updated: boolean } {
  const fresh = isElsewhere
    ? []
    : attachmentIds.filter((id) => !open.attachmentIds.includes(id)).slice(0, Math.max(0, CASE_PHOTOS - open.attachmentIds.length));
  return fresh.length ? { state: { ...open, attachmentIds: [...open.attachmentIds, ...fresh] }, updated: true } : { state: open, updated: false };
}

export function caseFact(gathered: { state: CaseState; updated: boolean } | undefined): CaseFact | null {
  if (!gathered) return null;
  const { state, updated } = gathered;
  const fact: CaseFact = { status: state.status, photos: state.attachmentIds.length, updated };
  if (state.orderNumber) fact.orderNumber = state.orderNumber;
  if (state.problem) fact.problem = state.problem;
  return fact;
}
