import { describe, expect, it } from 'vitest';
import { verifyLinkOrigin } from './verify-link-routes.ts';

describe('the phone link origin', () => {
  const dev = { HOST: '0.0.0.0', PORT: 3000 };

  it('is PUBLIC_BASE_URL when set, without its trailing slash, whatever the request says', () => {
    const config = { ...dev, PUBLIC_BASE_URL: 'https://beian.example.cn/' };
    expect(verifyLinkOrigin(config, 'http', 'phish.example')).toBe('https://beian.example.cn');
  });

  it('is the address the browser used without it (development: a phone on the same network)', () => {
    expect(verifyLinkOrigin(dev, 'http', '192.168.1.20:3000')).toBe('http://192.168.1.20:3000');
    expect(verifyLinkOrigin(dev, 'http', undefined)).toBe('http://0.0.0.0:3000');
  });
});
