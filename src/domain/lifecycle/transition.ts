import { DomainError } from '../errors.ts';
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
 * Applies one event to an order. Pure: the caller persists `to` and carries out `effects` in the same
 * transaction. An unknown pair, a type that never visits the state, or the wrong actor kind all give the same
 * ORDER_TRANSITION_NOT_ALLOWED, so callers cannot probe which part failed; guard failures give their own codes
 * because the applicant has to act on them.
 */
export const transition = (
  snapshot: OrderSnapshot,
  event: OrderEvent,
  actor: ActorKind,
  ctx: TransitionContext,
): TransitionResult => {
  const rule = ruleFor(snapshot.type, snapshot.state, event.type);
  if (!rule?.actors.includes(actor)) {
    throw new DomainError('ORDER_TRANSITION_NOT_ALLOWED', {
      details: { state: snapshot.state, event: event.type, actor },
    });
  }
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
