// The memory store's capped logs, newest first when read: the audit, the messages the bot did not understand, and
// the handling times the queue's wait estimate is made from.
import type { UnansweredMessage } from '../../learning/index.js';
import { AUDIT_KEPT, UNANSWERED_KEPT } from '../limits.js';
import type { AuditEntry, Store } from '../types.js';
import type { Keep } from './conversation-table.js';

type LogMethods = 'appendAudit' | 'listAudit' | 'recordUnanswered' | 'listUnanswered' | 'recordHandlingTime' | 'listHandlingTimes';

/** Appends an entry and drops the oldest past `kept`. */
function appendCapped<T>(log: T[], entry: T, kept: number): void {
  log.push(entry);
  if (log.length > kept) log.splice(0, log.length - kept);
}

export function memoryLogs(keep: Keep): Pick<Store, LogMethods> {
  const audit: AuditEntry[] = [];
  const unanswered: UnansweredMessage[] = [];
  const handlingTimes: number[] = [];
  return {
    async appendAudit(entry) {
      appendCapped(audit, keep(entry), AUDIT_KEPT);
    },
    async listAudit(limit) {
      return audit.slice(-limit).reverse();
    },
    async recordUnanswered(entry) {
      appendCapped(unanswered, entry, UNANSWERED_KEPT);
    },
    async listUnanswered(limit) {
      return unanswered.slice(-limit).reverse();
    },
    async recordHandlingTime(seconds, kept) {
      handlingTimes.unshift(seconds);
      handlingTimes.splice(kept);
    },
    async listHandlingTimes() {
      return [...handlingTimes];
    },
  };
}
