// The only place that listens and touches the process: config → buildApp → listen, and a graceful close.
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { startMetricsServer } from './http/index.js';

export async function startServer(config: Config): Promise<void> {
  const startedAt = performance.now();
  const app = await buildApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
  const metricsServer = config.METRICS_PORT
    ? await startMetricsServer({ metrics: app.metrics, token: config.METRICS_TOKEN, port: config.METRICS_PORT, host: config.HOST })
    : undefined;
  app.log.info({ readyInMs: Math.round(performance.now() - startedAt), languages: app.knowledge.current()?.languages }, 'Borderless is ready');

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    await metricsServer?.close();
    await app.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('unhandledRejection', (reason) => app.log.error({ err: reason }, 'unhandled rejection'));
}
