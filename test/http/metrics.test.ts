// /metrics is not public once METRICS_TOKEN is set, and can live on a port of its own.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMetricsServer } from '../../src/http/metrics.js';
import { freePort } from '../support/redis-server.js';
import { startTestServer } from '../helpers.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
let server: Awaited<ReturnType<typeof startTestServer>>;
let separate: Awaited<ReturnType<typeof startTestServer>>;
let metricsServer: FastifyInstance;
let metricsPort: number;

beforeAll(async () => {
  server = await startTestServer({ METRICS_TOKEN });
  metricsPort = await freePort();
  separate = await startTestServer({ METRICS_TOKEN, METRICS_PORT: String(metricsPort) });
  metricsServer = await startMetricsServer({ metrics: separate.app.metrics, token: METRICS_TOKEN, port: metricsPort, host: '127.0.0.1' });
});
afterAll(async () => {
  await metricsServer.close();
  await separate.close();
  await server.close();
});

const scrape = (url: string, token?: string) => fetch(`${url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('/metrics', () => {
  it('needs the metrics token when METRICS_TOKEN is set', async () => {
    expect((await scrape(server.url)).status).toBe(401);
    expect((await scrape(server.url, 'test-operator-token-0123456789')).status).toBe(401);
    const response = await scrape(server.url, METRICS_TOKEN);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^borderless_connections\{namespace="shopper"\}/m);
  });

  it('is served on METRICS_PORT only when that is set', async () => {
    expect((await scrape(separate.url, METRICS_TOKEN)).status).toBe(404);
    expect((await scrape(`http://127.0.0.1:${metricsPort}`)).status).toBe(401);
    const response = await scrape(`http://127.0.0.1:${metricsPort}`, METRICS_TOKEN);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^borderless_messages_total|^# HELP borderless_messages_total/m);
  });
});
