/**
 * A minimal browser stand-in over real HTTP: it keeps the cookies the server sets and sends them back, so a test
 * can drive a running platform (or a load balancer in front of several) the way the portal does.
 */
export type HttpAnswer<T> = { status: number; body: T; headers: Headers };

export class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(public baseUrl: string) {}

  /** The same cookies against another address (e.g. one instance directly instead of the proxy). */
  at(baseUrl: string): HttpSession {
    const other = new HttpSession(baseUrl);
    for (const [k, v] of this.cookies) other.cookies.set(k, v);
    return other;
  }

  async send<T = any>(
    method: string,
    path: string,
    options: { json?: unknown; body?: Buffer; headers?: Record<string, string> } = {},
  ): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | Uint8Array | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.body) {
      body = new Uint8Array(options.body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(body && { body }) });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer());
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** send, expecting `status`; returns the body. */
  async expect<T = any>(
    status: number,
    method: string,
    path: string,
    options: Parameters<HttpSession['send']>[2] = {},
  ): Promise<T> {
    const answer = await this.send<T>(method, path, options);
    if (answer.status !== status) {
      const shown = Buffer.isBuffer(answer.body) ? `${answer.body.length} bytes` : JSON.stringify(answer.body);
      throw new Error(`${method} ${this.baseUrl}${path} → ${answer.status} (expected ${status}): ${shown}`);
    }
    return answer.body;
  }
}
