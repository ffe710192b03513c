import { Tag } from 'antd';
import './tags.css';
import type { OrderState } from '../../../src/contracts/reference-data.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Bilingual } from '../i18n/message.ts';

const COLOUR: Partial<Record<OrderState, string>> = {
  draft: 'default',
  provider_rejected: 'error',
  authenticity_rejected: 'error',
  admin_rejected: 'error',
  returned_by_miit: 'warning',
  pending_sms_verification: 'warning',
  approved: 'success',
  completed_removed: 'success',
  abandoned: 'default',
};

/** An order's state as a coloured tag with the server's label (never colour alone: the text says it). */
export function OrderStateTag({ state, label }: { state: OrderState; label: Bilingual }) {
  const { ts } = useI18n();
  return <Tag color={COLOUR[state] ?? 'processing'}>{ts(label)}</Tag>;
}

/** States in which the order is still running (not approved, completed or abandoned). */
export const isOpenState = (s: OrderState) => !['approved', 'completed_removed', 'abandoned'].includes(s);
