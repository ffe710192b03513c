import { DomainError } from '../errors.ts';
import type { FilingType } from '../filing-type.ts';
import type { OrderState } from '../order-state.ts';
import { notPossibleDetails, statesAccepting } from './next-step.ts';
import { ruleFor, type TransitionContext } from './transition-table.ts';
import {
  type ActorKind,
  type LifecycleConfig,
  ORDER_EVENT_TYPES,
  type OrderEvent,
  type OrderEventType,
  type OrderSnapshot,
  type TransitionResult,
} from './types.ts';

/**
 * 24 h is MIIT's SMS window since 2020-08-17 (§6.1). The docs set no draft expiry; 45 days is a platform
 * choice that keeps stale drafts from holding data forever.
 */
export const DEFAULT_LIFECYCLE_CONFIG: LifecycleConfig = { smsWindowHours: 24, draftIdleDays: 45 };

const DAY_MS = 86_400_000;

/** When a draft touched at `now` is abandoned for inactivity. The use case arms it on create and on every save. */
export const draftIdleDeadline = (now: Date, config: LifecycleConfig): Date =>
  new Date(now.getTime() + config.draftIdleDays * DAY_MS);

/**
 * Refuses an event the order's state (or the actor kind) does not accept, naming the state, where the event
 * becomes possible and what must happen first. Use cases call it before any completeness check of their own,
 * so an action that is not due yet is never answered with "incomplete" (issue 6 #3: no circular errors).
 */
export function assertEventPossible(
  snapshot: { type: FilingType; state: OrderState },
  event: OrderEventType,
  actor: ActorKind,
): void {
  if (!ruleFor(snapshot.type, snapshot.state, event)?.actors.includes(actor)) throw notAllowed(snapshot, event, actor);
}

const notAllowed = (snapshot: { type: FilingType; state: OrderState }, event: OrderEventType, actor: ActorKind) =>
  new DomainError('ORDER_TRANSITION_NOT_ALLOWED', {
    details: {
      ...notPossibleDetails(snapshot.state, event, statesAccepting(snapshot.type, event, actor)),
      event,
      actor,
    },
  });

/**
 * Applies one event to an order. Pure: the caller persists `to` and carries out `effects` in the same
 * transaction. An unknown pair, a type that never visits the state, or the wrong actor kind all give
 * ORDER_TRANSITION_NOT_ALLOWED with what must happen first; guard failures give their own codes because the
 * applicant has to act on them.
 */
export const transition = (
  snapshot: OrderSnapshot,
  event: OrderEvent,
  actor: ActorKind,
  ctx: TransitionContext,
): TransitionResult => {
  const rule = ruleFor(snapshot.type, snapshot.state, event.type);
  if (!rule?.actors.includes(actor)) throw notAllowed(snapshot, event.type, actor);
  const failure = rule.guard?.(snapshot);
  if (failure) throw new DomainError(failure.code, { details: { ...failure.details, event: event.type } });
  const { to, effects } = rule.resolve(snapshot, event, ctx);
  return { from: snapshot.state, to, effects };
};

/** The events this actor could send now with a passing guard, in a stable order (for buttons and menus). */
export const allowedEvents = (snapshot: OrderSnapshot, actor: ActorKind): OrderEventType[] =>
  ORDER_EVENT_TYPES.filter((type) => {
    const rule = ruleFor(snapshot.type, snapshot.state, type);
    return rule?.actors.includes(actor) === true && !rule.guard?.(snapshot);
  });
