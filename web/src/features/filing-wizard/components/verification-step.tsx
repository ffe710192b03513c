import type { OrderView } from '../../orders/api/get-order.ts';

/** The authenticity verification step, shown before submit when the provider configured it there. */
export function VerificationStep(_props: { order: OrderView }) {
  return null;
}
