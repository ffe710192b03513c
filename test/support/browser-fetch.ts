import { createServer } from 'node:net';

/**
 * A browser as far as redirects and cookies go, over real HTTP with fetch: one cookie jar (by host and path,
 * ports ignored like a browser does), redirects followed by hand so a test can stop at, read or tamper with any
 * hop. For sign-in flows against a real IdP or the WeChat stand-in.
 */
type Cookie = { name: string; value: string; host: string; path: string };

export type Hop = { url: string; status: number; location: string | null; body: string };

export class TestBrowser {
  private cookies: Cookie[] = [];

  cookieHeader(url: URL): string {
    return this.cookies
      .filter((c) => c.host === url.hostname && url.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  cookie(name: string): string | undefined {
    return this.cookies.find((c) => c.name === name)?.value;
  }

  private store(url: URL, setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attrs] = line.split(';').map((p) => p.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = (key: string) => attrs.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attr('path') ?? '/';
      const expires = attr('expires');
      const gone = attr('max-age') === '0' || (expires !== undefined && new Date(expires).getTime() < Date.now());
      this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path && c.host === url.hostname));
      if (!gone && value !== '') this.cookies.push({ name, value, host: url.hostname, path });
    }
  }

  /** One request, no redirect following. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Hop> {
    const target = new URL(url);
    const headers: Record<string, string> = {};
    const cookie = this.cookieHeader(target);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(target, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    this.store(target, res.headers.getSetCookie());
    const location = res.headers.get('location');
    return {
      url: target.toString(),
      status: res.status,
      location: location ? new URL(location, target).toString() : null,
      body: await res.text(),
    };
  }

  /**
   * Follows redirects from `url` until an answer that is not one, or until `stopBefore` says the next hop is
   * for the test to take. Returns every hop; the last one is where it stopped.
   */
  async follow(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
    stopBefore: (next: URL) => boolean = () => false,
  ): Promise<Hop[]> {
    const hops: Hop[] = [await this.request(url, init)];
    for (let i = 0; i < 20; i++) {
      const last = hops[hops.length - 1]!;
      if (!last.location || last.status < 300 || last.status >= 400) return hops;
      if (stopBefore(new URL(last.location))) return hops;
      hops.push(await this.request(last.location));
    }
    throw new Error('too many redirects');
  }
}

/** A port nobody listens on right now (to register a redirect URI before the server starts). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
