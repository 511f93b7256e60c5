// The Redis store's scheduled jobs: a hash of jobs and a schedule sorted by when each is due.
import type { ScheduledJob, Store } from '../types.js';
import type { RedisContext } from './keys.js';

/** Takes the jobs due by ARGV[1] (at most ARGV[2]) off the schedule in one step, so no two nodes take the same one. */
const TAKE_DUE_JOBS = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local jobs = {}
for _, id in ipairs(ids) do
  local job = redis.call('HGET', KEYS[2], id)
  redis.call('ZREM', KEYS[1], id)
  redis.call('HDEL', KEYS[2], id)
  if job then table.insert(jobs, job) end
end
return jobs
`;

export function redisJobs({ redis, key }: RedisContext): Pick<Store, 'scheduleJob' | 'takeDueJobs'> {
  return {
    async scheduleJob(job) {
      await redis.multi().hset(key.jobs, job.id, JSON.stringify(job)).zadd(key.jobsDue, Date.parse(job.runAt), job.id).exec();
    },
    async takeDueJobs(now, limit) {
      const taken = (await redis.eval(TAKE_DUE_JOBS, 2, key.jobsDue, key.jobs, now.getTime(), limit)) as string[];
      return taken.map((text) => JSON.parse(text) as ScheduledJob);
    },
  };
}
