import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/handoff/passwords.js';

describe('passwords', () => {
  it('keeps only a salted scrypt hash and verifies it', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toContain('correct');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterx', hash)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(hash);
  });
});
