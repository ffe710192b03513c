import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpSmsSender } from './sms-sender.http.ts';

type Received = { method: string; url: string; headers: IncomingMessage['headers']; body: unknown };

/** A stand-in SMS gateway on a random local port; `answer` decides the next response. */
let server: Server;
let url: string;
let received: Received[] = [];
let answer: 'ok' | 'error' | 'hang' = 'ok';

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body: JSON.parse(raw) });
      if (answer === 'hang') return; // never answers
      res.writeHead(answer === 'ok' ? 202 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: answer === 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received = [];
  answer = 'ok';
});

const message = { to: '13812345678', text: '【ICP备案】您的备案已通过', idempotencyKey: 'notify:o1:approved:1:9:sms' };

describe('HTTP SMS sender', () => {
  it('POSTs {to, text, idempotencyKey} as JSON with the bearer token and the key header', async () => {
    await createHttpSmsSender({ url, token: 'secret-token' }).send(message);
    expect(received).toHaveLength(1);
    const [r] = received;
    expect(r!.method).toBe('POST');
    expect(r!.url).toBe('/sms/send');
    expect(r!.headers.authorization).toBe('Bearer secret-token');
    expect(r!.headers['content-type']).toBe('application/json');
    expect(r!.headers['idempotency-key']).toBe(message.idempotencyKey);
    expect(r!.body).toEqual(message);
  });

  it('sends no Authorization header without a token', async () => {
    await createHttpSmsSender({ url }).send(message);
    expect(received[0]!.headers.authorization).toBeUndefined();
  });

  it('throws on a non-2xx answer, naming the status but not the number', async () => {
    answer = 'error';
    const error = await createHttpSmsSender({ url, token: 't' })
      .send(message)
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('503');
    expect((error as Error).message).not.toContain(message.to);
  });

  it('gives up after the timeout instead of holding the outbox lease', async () => {
    answer = 'hang';
    const started = Date.now();
    await expect(createHttpSmsSender({ url, timeoutMs: 200 }).send(message)).rejects.toThrow(/timed out after 200 ms/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('throws when the provider is unreachable', async () => {
    await expect(createHttpSmsSender({ url: 'http://127.0.0.1:1/sms' }).send(message)).rejects.toThrow(/unreachable/);
  });
});
