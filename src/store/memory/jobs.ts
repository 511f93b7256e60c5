// The memory store's scheduled jobs: taken when due, earliest first, each by one caller.
import type { ScheduledJob, Store } from '../types.js';
import type { Keep } from './conversation-table.js';

export function memoryJobs(keep: Keep): Pick<Store, 'scheduleJob' | 'takeDueJobs'> {
  const jobs = new Map<string, ScheduledJob>();
  return {
    async scheduleJob(job) {
      jobs.set(job.id, keep(job));
    },
    async takeDueJobs(now, limit) {
      const due = [...jobs.values()]
        .filter((job) => Date.parse(job.runAt) <= now.getTime())
        .sort((a, b) => Date.parse(a.runAt) - Date.parse(b.runAt))
        .slice(0, limit);
      for (const job of due) jobs.delete(job.id);
      return due;
    },
  };
}
