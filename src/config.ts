// The environment, parsed once at start-up into a typed config. Nothing else reads process.env.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { compileTrustProxy } from './network/index.js';
import { parseBusinessHours, parseHeaderLine } from './shared/index.js';

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const packageRoot = fileURLToPath(new URL('../', import.meta.url));

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    REDIS_URL: z.url().optional(),
    /** Prefix of every Redis key, so several stores (or tests) can share one Redis. */
    REDIS_PREFIX: z.string().min(1).default('borderless:'),
    CONTENT_DIR: z.string().min(1).default(packageRoot),
    DATA_DIR: z.string().min(1).default('./data'),
    ALLOWED_ORIGINS: commaList.default([]),
    /** The address people reach the server at (its console and demo pages); unset: http://localhost:PORT. */
    PUBLIC_URL: z.url().optional(),
    /** Proxies whose X-Forwarded-For is believed (rate limits key on the client's address): empty = none. */
    TRUST_PROXY: z
      .string()
      .default('')
      .refine((value) => {
        try {
          compileTrustProxy(value);
          return true;
        } catch {
          return false;
        }
      }, 'a hop count ("1"), or addresses and CIDR ranges such as "127.0.0.1,10.0.0.0/8" or "loopback,uniquelocal"'),
    OPERATOR_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    IDENTITY_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    SHOPPER_MESSAGES_PER_MINUTE: z.coerce.number().int().min(0).default(20),
    /** Conversations one client address may start (write in for the first time) in a minute; 0: no limit (benchmarks). */
    NEW_CONVERSATIONS_PER_IP_PER_MINUTE: z.coerce.number().int().min(0).default(30),
    /** Hand-offs to a person one client address may start in an hour; 0: no limit (tests, benchmarks). */
    HANDOFFS_PER_IP_PER_HOUR: z.coerce.number().int().min(0).default(10),
    /** Hand-offs to a person in all (every node) in a minute; 0: no limit. */
    HANDOFFS_PER_MINUTE: z.coerce.number().int().min(0).default(60),
    /** Open connections (HTTP and sockets) one client address may hold at once; 0: no limit (benchmarks). */
    MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(0).default(100),
    /** Open connections in all; unset: a tenth below the process's limit on open files. */
    MAX_CONNECTIONS: z.coerce.number().int().min(1).optional(),
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
    /** How often each node checks its agent sockets' sessions (signed out, expired, agent removed). */
    AGENT_SESSION_CHECK_SECONDS: z.coerce.number().min(0.1).max(3600).default(15),
    /** Where orders are looked up: DATA_DIR/orders.json or the demo store (file), the store's API (http), or Shopify. */
    ORDER_SOURCE: z.enum(['file', 'http', 'shopify']).default('file'),
    /** Base URL of the store's order API, for ORDER_SOURCE=http. */
    ORDERS_URL: z.url().optional(),
    /** The whole header line sent with every request to ORDERS_URL, e.g. "Authorization: Bearer xyz". */
    ORDERS_AUTH_HEADER: z
      .string()
      .refine((line) => parseHeaderLine(line) !== undefined, 'write it as a header line, e.g. "Authorization: Bearer xyz"')
      .optional(),
    /** Limit of each try at the store's API (http and shopify); a few retries follow a failed try. */
    ORDERS_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(2000),
    ORDERS_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    /** How long an answer (also "no such order") from the store's API is reused. */
    ORDERS_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    /** The shop, "my-store.myshopify.com" (or a full base URL), for ORDER_SOURCE=shopify. */
    SHOPIFY_SHOP: z
      .string()
      .regex(/^(?:https?:\/\/[^\s/]+\/?|[a-z0-9][a-z0-9.-]*\.[a-z]{2,})$/i, 'a shop domain such as "my-store.myshopify.com" or a base URL')
      .optional(),
    /** The Admin API access token of the store's custom app (read_orders and read_customers scopes). */
    SHOPIFY_ACCESS_TOKEN: z.string().min(1).optional(),
    SHOPIFY_API_VERSION: z
      .string()
      .regex(/^\d{4}-\d{2}$/, 'a version such as "2024-10"')
      .default('2024-10'),
    /** Where products are read: DATA_DIR/products.json or the demo catalogue (file), the store's API (http), or Shopify. */
    PRODUCT_SOURCE: z.enum(['file', 'http', 'shopify']).default('file'),
    /** Base URL of the store's product API (GET {url}/products), for PRODUCT_SOURCE=http. */
    PRODUCTS_URL: z.url().optional(),
    /** The whole header line sent with every request to PRODUCTS_URL, e.g. "Authorization: Bearer xyz". */
    PRODUCTS_AUTH_HEADER: z
      .string()
      .refine((line) => parseHeaderLine(line) !== undefined, 'write it as a header line, e.g. "Authorization: Bearer xyz"')
      .optional(),
    /** Seconds between two reads of the catalogue (stock and prices); the file source rereads only a changed file. */
    PRODUCTS_REFRESH_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
    /** Hours a conversation in which nobody wrote is kept after it was opened; 0: as long as any other. */
    EMPTY_CONVERSATION_HOURS: z.coerce
      .number()
      .min(0)
      .max(24 * 365)
      .default(24),
    /** The most conversations the in-memory store holds (the oldest closed ones make room); Redis is sized on its own. */
    MAX_CONVERSATIONS: z.coerce.number().int().min(1).default(200_000),
    /** Days a conversation is kept after its last change; older ones are deleted with their messages. 0: kept forever. */
    RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(365),
    /** Days after an order's delivery that its follow-up is sent (a care rule's afterDays overrides it). */
    FOLLOW_UP_DAYS: z.coerce.number().min(0).max(365).default(3),
    /** How often every node looks for due scheduled work (follow-ups, store events). */
    SCHEDULER_INTERVAL_SECONDS: z.coerce.number().min(0.05).max(3600).default(30),
    /** Pictures one conversation may hold (shopper's and agents' together). */
    ATTACHMENTS_PER_CONVERSATION: z.coerce.number().int().min(0).default(20),
    /** The largest picture accepted, in bytes (5 MB). */
    ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(5 * 1024 * 1024),
    /**
     * Signs the short-lived picture links. Every node must have the same one; unset: derived from OPERATOR_TOKEN
     * (so nodes sharing that token agree), else random per process.
     */
    ATTACHMENT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /** How long a signed picture link works, in seconds. */
    ATTACHMENT_LINK_SECONDS: z.coerce
      .number()
      .int()
      .min(10)
      .max(7 * 24 * 3600)
      .default(900),
    /** Pictures in an S3-compatible bucket instead of DATA_DIR/attachments/ (needed when several nodes serve). */
    S3_BUCKET: z.string().min(3).optional(),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Path-style URLs (endpoint/bucket/key), as MinIO and most self-hosted S3 servers want. */
    S3_FORCE_PATH_STYLE: z
      .enum(['true', 'false', '1', '0'])
      .default('false')
      .transform((value) => value === 'true' || value === '1'),
    /** Key prefix of the pictures in the bucket. */
    S3_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9!_.*'()\/-]*$/, 'letters, digits and / _ . - only')
      .default('attachments/'),
    /** Machine translation for agents: "deepl" or "libretranslate"; unset: off. */
    TRANSLATOR: z.enum(['deepl', 'libretranslate']).optional(),
    /** The translation service's base URL (a self-hosted LibreTranslate; DeepL's is known from its key). */
    TRANSLATOR_URL: z.url().optional(),
    /** The service's key: DeepL's auth key, or a LibreTranslate server's api_key when it asks for one. */
    TRANSLATOR_KEY: z.string().min(1).optional(),
    /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`. */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** When set, /metrics is served on this port only (on HOST), not beside the chat. */
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  })
  .superRefine((config, context) => {
    // A remote order source without its address or credentials would fail every lookup: refuse to start instead.
    const required: Record<string, (keyof typeof config)[]> = {
      http: ['ORDERS_URL'],
      shopify: ['SHOPIFY_SHOP', 'SHOPIFY_ACCESS_TOKEN'],
    };
    for (const name of required[config.ORDER_SOURCE] ?? []) {
      if (config[name] === undefined) context.addIssue({ code: 'custom', path: [name], message: `required when ORDER_SOURCE=${config.ORDER_SOURCE}` });
    }
    const productNeeds: Record<string, (keyof typeof config)[]> = { http: ['PRODUCTS_URL'], shopify: ['SHOPIFY_SHOP', 'SHOPIFY_ACCESS_TOKEN'] };
    for (const name of productNeeds[config.PRODUCT_SOURCE] ?? []) {
      if (config[name] === undefined) context.addIssue({ code: 'custom', path: [name], message: `required when PRODUCT_SOURCE=${config.PRODUCT_SOURCE}` });
    }
    // A translator without its key or address would fail every translation: refuse to start instead.
    const translatorNeeds: Record<string, (keyof typeof config)[]> = { deepl: ['TRANSLATOR_KEY'], libretranslate: ['TRANSLATOR_URL'] };
    for (const name of translatorNeeds[config.TRANSLATOR ?? ''] ?? []) {
      if (config[name] === undefined) context.addIssue({ code: 'custom', path: [name], message: `required when TRANSLATOR=${config.TRANSLATOR}` });
    }
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
