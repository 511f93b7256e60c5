// The environment, parsed once at start-up into a typed config. Nothing else reads process.env.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseBusinessHours } from './handoff/hours.js';

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const packageRoot = fileURLToPath(new URL('../', import.meta.url));

const commaList = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  REDIS_URL: z.url().optional(),
  /** Prefix of every Redis key, so several stores (or tests) can share one Redis. */
  REDIS_PREFIX: z.string().min(1).default('borderless:'),
  CONTENT_DIR: z.string().min(1).default(packageRoot),
  DATA_DIR: z.string().min(1).default('./data'),
  ALLOWED_ORIGINS: commaList.default([]),
  OPERATOR_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  IDENTITY_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SHOPPER_MESSAGES_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  /** Opening hours of the store's people, e.g. "mon-fri 09:00-18:00, sat 10:00-14:00"; empty: always open. */
  BUSINESS_HOURS: z
    .string()
    .default('')
    .refine((value) => {
      try {
        parseBusinessHours(value);
        return true;
      } catch {
        return false;
      }
    }, 'write it like "mon-fri 09:00-18:00, sat 10:00-14:00"'),
  /** The store's time zone for business hours and the rules' localTime; unset: locales/settings.json's timeZone. */
  BUSINESS_TIMEZONE: z.string().refine(isTimeZone, 'an IANA time zone such as "Europe/Berlin"').optional(),
  /** Seconds an agent may be disconnected before its conversations go back to the queue. */
  AGENT_GRACE_SECONDS: z.coerce.number().int().min(0).default(60),
  AGENT_SESSION_HOURS: z.coerce.number().min(0.01).max(720).default(12),
  /** Pictures one conversation may hold (shopper's and agents' together). */
  ATTACHMENTS_PER_CONVERSATION: z.coerce.number().int().min(0).default(20),
  /** The largest picture accepted, in bytes (5 MB). */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(5 * 1024 * 1024),
  /**
   * Signs the short-lived picture links. Every node must have the same one; unset: derived from OPERATOR_TOKEN
   * (so nodes sharing that token agree), else random per process.
   */
  ATTACHMENT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** How long a signed picture link works, in seconds. */
  ATTACHMENT_LINK_SECONDS: z.coerce.number().int().min(10).max(7 * 24 * 3600).default(900),
  /** Pictures in an S3-compatible bucket instead of DATA_DIR/attachments/ (needed when several nodes serve). */
  S3_BUCKET: z.string().min(3).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style URLs (endpoint/bucket/key), as MinIO and most self-hosted S3 servers want. */
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false', '1', '0']).default('false').transform((value) => value === 'true' || value === '1'),
  /** Key prefix of the pictures in the bucket. */
  S3_PREFIX: z.string().regex(/^[A-Za-z0-9!_.*'()\/-]*$/, 'letters, digits and / _ . - only').default('attachments/'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (by default the process's); a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = ConfigSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}
