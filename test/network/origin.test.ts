import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, ownOrigins } from '../../src/network/origin.js';

describe('socket origins', () => {
  it("are the stores' and the server's own: PUBLIC_URL, or loopback on the listening port without it", () => {
    const listening = { address: '::', family: 'IPv6', port: 3000 };
    expect(ownOrigins('https://chat.example.com/some/path', listening)).toEqual(['https://chat.example.com']);
    expect(ownOrigins(undefined, listening)).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']);
    const allowed = ['https://shop.example', ...ownOrigins('https://chat.example.com', listening)];
    expect(isAllowedOrigin('https://chat.example.com', allowed)).toBe(true);
    expect(isAllowedOrigin('https://shop.example', allowed)).toBe(true);
    expect(isAllowedOrigin('http://localhost:3000', allowed)).toBe(false);
    expect(isAllowedOrigin('https://evil.example', allowed)).toBe(false);
  });
});
