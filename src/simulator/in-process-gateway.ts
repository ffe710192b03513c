import type { Kysely } from 'kysely';
import type { Clock } from '../domain/ports/clock.ts';
import type { RegulatorGateway, RegulatorOrderStatus } from '../domain/ports/regulator-gateway.ts';
import type { Decision, ReviewPolicy } from './core/admin-review.ts';
import { resolveOptions, type SimContext, type SimulatorOptions } from './core/context.ts';
import { type CreateFiledRecordInput, createFiledRecord, type FiledRecord } from './core/create-filed-record.ts';
import { decideOrder } from './core/decide-order.ts';
import { findRecords, type RecordsView } from './core/find-records.ts';
import { getOrderStatus } from './core/get-status.ts';
import { getOrder, listOrders, type OrderDetail, type OrderSummary } from './core/list-orders.ts';
import { lookupDomain, lookupSubjectNumber } from './core/lookups.ts';
import { type OutboxMessage, readOutbox } from './core/read-outbox.ts';
import { findSubmission, receiveSubmission } from './core/receive-submission.ts';
import { type DomainEntry, type RegisterDomainInput, registerDomain } from './core/register-domain.ts';
import { type ResendSmsInput, type ResendSmsResult, resendSms } from './core/resend-sms.ts';
import { listPolicies, setPolicy } from './core/set-policy.ts';
import { type TickSummary, tick } from './core/tick.ts';
import { type VerifySmsInput, type VerifySmsResult, verifySms } from './core/verify-sms.ts';
import { type SeedOptions, type SeedSummary, seedSimulator } from './seed.ts';
import type { ReviewMode, SimDb, SimOrderState } from './store/schema.ts';

export type { Decision, ReviewPolicy } from './core/admin-review.ts';
export type { SimulatorOptions } from './core/context.ts';
export type { CreateFiledRecordInput, FiledRecord } from './core/create-filed-record.ts';
export { isSimulatorError, SIM_ERRORS, type SimErrorCode, SimulatorError } from './core/errors.ts';
export type { RecordsView, SubjectRecordView } from './core/find-records.ts';
export type { OrderDetail, OrderSummary } from './core/list-orders.ts';
export type { OutboxMessage } from './core/read-outbox.ts';
export type { DomainEntry, RegisterDomainInput } from './core/register-domain.ts';
export type { ResendSmsInput, ResendSmsResult } from './core/resend-sms.ts';
export type { TickSummary } from './core/tick.ts';
export type { VerifySmsInput, VerifySmsResult } from './core/verify-sms.ts';
export { createSimulatorStore } from './store/create-store.ts';

/** The simulator's own controls: what testers (via /sim routes) and tests do in MIIT's and the 管局's place. */
export type SimulatorApi = {
  verifySms(input: VerifySmsInput): Promise<VerifySmsResult>;
  resendSms(input: ResendSmsInput): Promise<ResendSmsResult>;
  tick(): Promise<TickSummary>;
  /** Only for orders in admin_review; approval allocates numbers. Returns the new gateway status. */
  decideOrder(ref: string, decision: Decision): Promise<RegulatorOrderStatus>;
  listOrders(filter?: { state?: SimOrderState; limit?: number }): Promise<OrderSummary[]>;
  getOrder(ref: string): Promise<OrderDetail>;
  readOutbox(filter?: { mobile?: string; orderRef?: string; limit?: number }): Promise<OutboxMessage[]>;
  setPolicy(province: string, policy: { mode: ReviewMode; delaySeconds: number }): Promise<ReviewPolicy>;
  listPolicies(): Promise<ReviewPolicy[]>;
  registerDomain(input: RegisterDomainInput): Promise<DomainEntry>;
  createFiledRecord(input: CreateFiledRecordInput): Promise<FiledRecord>;
  findRecords(query: { domain?: string; number?: string }): Promise<RecordsView>;
  seed(options?: SeedOptions): Promise<SeedSummary>;
  /** Calls tick() every `intervalMs` until the returned stop function runs; errors go to options.onBackgroundError. */
  startTicking(intervalMs: number): () => void;
};

export type InProcessRegulator = {
  gateway: RegulatorGateway;
  sim: SimulatorApi;
  /** `listener(regulatorRef)` runs after every committed change of an order; returns an unsubscribe function. */
  onStatusChange(listener: (regulatorRef: string) => void): () => void;
};

/**
 * The regulator simulator running inside the platform process, on the platform's database but in its own `sim_`
 * tables. Run `await createSimulatorStore(db)` once before (it applies the simulator migrations).
 */
export function createInProcessRegulator(deps: {
  db: Kysely<any>;
  clock: Clock;
  options?: SimulatorOptions;
}): InProcessRegulator {
  const listeners = new Set<(ref: string) => void>();
  const options = resolveOptions(deps.options);
  const reportError = (e: unknown) => options.onBackgroundError?.(e);
  const ctx: SimContext = {
    db: deps.db as SimDb,
    clock: deps.clock,
    options,
    notify: (ref) => {
      for (const l of listeners) {
        try {
          l(ref);
        } catch (e) {
          reportError(e);
        }
      }
    },
  };

  const gateway: RegulatorGateway = {
    lookupDomain: (domain) => lookupDomain(ctx, domain),
    lookupSubjectNumber: (number) => lookupSubjectNumber(ctx, number),
    submit: (submission) => receiveSubmission(ctx, submission),
    findSubmission: (key) => findSubmission(ctx, key),
    getStatus: (ref) => getOrderStatus(ctx, ref),
  };

  const sim: SimulatorApi = {
    verifySms: (input) => verifySms(ctx, input),
    resendSms: (input) => resendSms(ctx, input),
    tick: () => tick(ctx),
    decideOrder: (ref, decision) => decideOrder(ctx, ref, decision),
    listOrders: (filter) => listOrders(ctx, filter),
    getOrder: (ref) => getOrder(ctx, ref),
    readOutbox: (filter) => readOutbox(ctx, filter),
    setPolicy: (province, policy) => setPolicy(ctx, province, policy),
    listPolicies: () => listPolicies(ctx),
    registerDomain: (input) => registerDomain(ctx, input),
    createFiledRecord: (input) => createFiledRecord(ctx, input),
    findRecords: (query) => findRecords(ctx, query),
    seed: (seedOptions) => seedSimulator(ctx, seedOptions),
    startTicking: (intervalMs) => {
      let running = false;
      const timer = setInterval(() => {
        // Skip a beat rather than overlap when a tick outlasts the interval.
        if (running) return;
        running = true;
        tick(ctx)
          .catch(reportError)
          .finally(() => {
            running = false;
          });
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };

  return {
    gateway,
    sim,
    onStatusChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
