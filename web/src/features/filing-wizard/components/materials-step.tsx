import type { OrderView } from '../../orders/api/get-order.ts';

/** The 上传资料 step of the wizard (built by the materials work of issue 7; the wizard renders it). */
export function MaterialsStep(_props: { order: OrderView; readOnly?: boolean }) {
  return null;
}
