import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('RETENTION_DAYS', () => {
  it('keeps conversations for a year unless told otherwise, and forever with 0', () => {
    expect(loadConfig({}).RETENTION_DAYS).toBe(365);
    expect(loadConfig({ RETENTION_DAYS: '30' }).RETENTION_DAYS).toBe(30);
    expect(loadConfig({ RETENTION_DAYS: '0' }).RETENTION_DAYS).toBe(0);
  });

  it('stops start-up on a value that is not a whole number of days, naming the variable', () => {
    for (const value of ['-1', '1.5', 'a year']) {
      expect(() => loadConfig({ RETENTION_DAYS: value })).toThrow(ConfigError);
      expect(() => loadConfig({ RETENTION_DAYS: value })).toThrow(/RETENTION_DAYS/);
    }
  });
});

describe('limits against abuse', () => {
  it('default to 100 connections per address, 200,000 conversations in memory and a day for empty ones', () => {
    expect(loadConfig({})).toMatchObject({ MAX_CONNECTIONS_PER_IP: 100, MAX_CONVERSATIONS: 200_000, EMPTY_CONVERSATION_HOURS: 24 });
    expect(loadConfig({}).MAX_CONNECTIONS).toBeUndefined();
    expect(loadConfig({ MAX_CONNECTIONS_PER_IP: '0', METRICS_PORT: '9100', PUBLIC_URL: 'https://chat.example.com' })).toMatchObject({
      MAX_CONNECTIONS_PER_IP: 0,
      METRICS_PORT: 9100,
      PUBLIC_URL: 'https://chat.example.com',
    });
  });

  it('stop start-up on a bad value, naming the variable', () => {
    for (const [name, value] of [
      ['MAX_CONNECTIONS_PER_IP', '-1'],
      ['MAX_CONVERSATIONS', '0'],
      ['METRICS_TOKEN', 'short'],
      ['PUBLIC_URL', 'chat.example'],
      ['METRICS_PORT', '70000'],
    ]) {
      expect(() => loadConfig({ [name!]: value })).toThrow(new RegExp(name!));
    }
  });
});
