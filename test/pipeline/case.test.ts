// The shopper's case about an item problem: built from the flow's answers, taking later photos in, shown to the
// rules as the `case` fact.
import { describe, expect, it } from 'vitest';
import { addToOpenCase, caseFact, caseFromForm, type CaseState } from '../../src/pipeline/case.js';
import type { FormState } from '../../src/pipeline/forms.js';

const form = (slots: FormState['slots']): FormState => ({ flow: 'item_problem', intent: 'item_problem', slots, asks: 0 });
const open = (attachmentIds: string[]): CaseState => ({
  status: 'open',
  orderNumber: '10042',
  problem: 'damaged',
  attachmentIds,
  openedAt: '2026-11-20T10:00:00Z',
});

describe('the item-problem case', () => {
  it("is built from the flow's answers, and leaves out what the shopper has not said yet", () => {
    expect(caseFromForm(form({ orderNumber: '10042', problem: 'wrong', photos: ['p1', 'p2'] }))).toEqual({
      status: 'collecting',
      orderNumber: '10042',
      problem: 'wrong',
      attachmentIds: ['p1', 'p2'],
    });
    expect(caseFromForm(form({}))).toEqual({ status: 'collecting', attachmentIds: [] });
  });

  it('takes new photos into an open case once each, and none from a message about something else', () => {
    const added = addToOpenCase(open(['p1']), ['p1', 'p2'], false);
    expect(added).toEqual({ state: open(['p1', 'p2']), updated: true });
    expect(addToOpenCase(open(['p1']), ['p1'], false)).toEqual({ state: open(['p1']), updated: false });
    expect(addToOpenCase(open(['p1']), ['p3'], true)).toEqual({ state: open(['p1']), updated: false });
  });

  it('keeps at most ten photos in a case', () => {
    const nine = Array.from({ length: 9 }, (_, index) => `p${index}`);
    const { state } = addToOpenCase(open(nine), ['x1', 'x2', 'x3'], false);
    expect(state.attachmentIds).toEqual([...nine, 'x1']);
    expect(addToOpenCase(state, ['x4'], false).updated).toBe(false);
  });

  it('shows the rules the case with its photo count, or null without one', () => {
    expect(caseFact(undefined)).toBeNull();
    expect(caseFact({ state: open(['p1', 'p2']), updated: true })).toEqual({
      status: 'open',
      orderNumber: '10042',
      problem: 'damaged',
      photos: 2,
      updated: true,
    });
    expect(caseFact({ state: { status: 'collecting', attachmentIds: [] }, updated: false })).toEqual({ status: 'collecting', photos: 0, updated: false });
  });
});
