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
