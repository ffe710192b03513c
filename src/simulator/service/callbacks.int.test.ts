import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyCallbackSignature } from '../../adapters/regulator/callback-signature.ts';
import {
  CALLBACK_REPLAY_WINDOW_SECONDS,
  RegulatorCallbackSchema,
  RegulatorOrderStatusSchema,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from '../../contracts/regulator-protocol.ts';
import { createManualClock } from '../../domain/ports/clock.ts';
import { aPerson } from '../test-builders.ts';
import { callbackBackoffMs } from './callbacks.ts';
import { auth, createTestService, TEST_CALLBACK_SECRET, type TestService } from './test-support.ts';

type Received = { headers: Record<string, string | string[] | undefined>; body: string };

/** A provider-side receiver on a real socket; `failNext` answers 500 that many times first. */
class Receiver {
  received: Received[] = [];
  failNext = 0;
  server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (this.failNext > 0) {
        this.failNext -= 1;
        res.writeHead(500).end('boom');
        return;
      }
      this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v1/regulator/callbacks`;
  }
  close() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const wall = createManualClock(new Date());
const receiver = new Receiver();
let t: TestService;
beforeAll(async () => {
  const url = await receiver.listen();
  t = await createTestService({ callbackUrl: url, wallClock: wall });
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});
beforeEach(async () => {
  await t.reset();
  receiver.received = [];
  receiver.failNext = 0;
});

const wang = aPerson('wang');

describe('signed callbacks', () => {
  it('delivers a correctly signed callback after each state change', async () => {
    const ref = await t.submitWithSms();
    expect(await t.app.simulator.callbacks.dispatchCallbacks()).toEqual({ delivered: 1, failed: 0 });
    const [first] = receiver.received;
    expect(first).toBeDefined();
    const check = verifyCallbackSignature({
      secret: TEST_CALLBACK_SECRET,
      timestampHeader: first?.headers[TIMESTAMP_HEADER] as string,
      signatureHeader: first?.headers[SIGNATURE_HEADER] as string,
      rawBody: first?.body ?? '',
      nowSeconds: Math.floor(wall.now().getTime() / 1000),
      windowSeconds: CALLBACK_REPLAY_WINDOW_SECONDS,
    });
    expect(check).toEqual({ ok: true });
    const wrongSecret = verifyCallbackSignature({
      secret: 'another-secret-another-secret',
      timestampHeader: first?.headers[TIMESTAMP_HEADER] as string,
      signatureHeader: first?.headers[SIGNATURE_HEADER] as string,
      rawBody: first?.body ?? '',
      nowSeconds: Math.floor(wall.now().getTime() / 1000),
      windowSeconds: CALLBACK_REPLAY_WINDOW_SECONDS,
    });
    expect(wrongSecret).toEqual({ ok: false, reason: 'mismatch' });
    const callback = RegulatorCallbackSchema.parse(JSON.parse(first?.body ?? ''));
    expect(callback).toMatchObject({
      regulatorRef: ref,
      state: 'sms_pending',
      occurredAt: t.clock.now().toISOString(),
    });

    // The person verifies: the order moves to admin_review and a second callback with a new event id follows.
    await t.app.simulator.sim.verifySms({
      mobile: wang.mobile,
      code: await t.latestCode(wang.mobile),
      idLast6: wang.idNumber.slice(-6),
    });
    await t.app.simulator.callbacks.dispatchCallbacks();
    const second = RegulatorCallbackSchema.parse(JSON.parse(receiver.received[1]?.body ?? ''));
    expect(second).toMatchObject({ regulatorRef: ref, state: 'admin_review' });
    expect(second.eventId).not.toBe(callback.eventId);

    const listed = await t.app.inject({ method: 'GET', url: `/api/callbacks?orderRef=${ref}` });
    expect(listed.json().callbacks.map((c: { status: string }) => c.status)).toEqual(['delivered', 'delivered']);
  });

  it('retries a failing receiver with exponential backoff and delivers later', async () => {
    receiver.failNext = 2;
    const ref = await t.submitWithSms();
    const callbacks = t.app.simulator.callbacks;
    expect(await callbacks.dispatchCallbacks()).toEqual({ delivered: 0, failed: 1 });
    let [row] = await callbacks.list({ orderRef: ref });
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500' });
    expect(Date.parse(row?.nextAttemptAt ?? '') - wall.now().getTime()).toBe(callbackBackoffMs(1));

    // Not due yet: nothing is sent.
    expect(await callbacks.dispatchCallbacks()).toEqual({ delivered: 0, failed: 0 });
    wall.advance(1_000);
    expect(await callbacks.dispatchCallbacks()).toEqual({ delivered: 0, failed: 1 });
    [row] = await callbacks.list({ orderRef: ref });
    expect(Date.parse(row?.nextAttemptAt ?? '') - wall.now().getTime()).toBe(2_000);
    wall.advance(1_999);
    expect(await callbacks.dispatchCallbacks()).toEqual({ delivered: 0, failed: 0 });
    wall.advance(1);
    expect(await callbacks.dispatchCallbacks()).toEqual({ delivered: 1, failed: 0 });
    [row] = await callbacks.list({ orderRef: ref });
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
    expect(receiver.received).toHaveLength(1);
    expect(callbackBackoffMs(30)).toBe(10 * 60_000);
  });

  it('drops the next N callbacks on request; the platform recovers the state by polling', async () => {
    const drop = await t.app.inject({ method: 'POST', url: '/api/callbacks/drop', payload: { count: 1 } });
    expect(drop.json()).toEqual({ dropsPending: 1 });
    const ref = await t.submitWithSms();
    expect(await t.app.simulator.callbacks.dispatchCallbacks()).toEqual({ delivered: 0, failed: 0 });
    expect(receiver.received).toEqual([]);
    const [row] = await t.app.simulator.callbacks.list({ orderRef: ref });
    expect(row).toMatchObject({ status: 'dropped', attempts: 0 });

    const polled = await t.app.inject({ method: 'GET', url: `/api/gateway/orders/${ref}/status`, headers: auth });
    expect(RegulatorOrderStatusSchema.parse(polled.json()).state).toBe('sms_pending');

    // Only the next one was lost: later changes are reported again.
    await t.app.simulator.sim.resendSms({ mobile: wang.mobile, idLast6: wang.idNumber.slice(-6) });
    expect(await t.app.simulator.callbacks.dispatchCallbacks()).toEqual({ delivered: 1, failed: 0 });
  });

  it('records a transport error (unreachable receiver) and schedules a retry', async () => {
    const unreachable = createManualClock(new Date());
    const other = await createTestService({
      callbackUrl: 'http://127.0.0.1:9/unreachable',
      wallClock: unreachable,
    });
    try {
      await other.submitWithSms();
      const summary = await other.app.simulator.callbacks.dispatchCallbacks();
      expect(summary).toEqual({ delivered: 0, failed: 1 });
      const [row] = await other.app.simulator.callbacks.list();
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row?.lastError).toBeTruthy();
    } finally {
      await other.close();
    }
  });
});
