import { Grid, Steps } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import type { OrderView } from '../../orders/api/get-order.ts';
import { m } from '../messages.ts';
import { REJECTED_STATES, type StageKey, stageOf, stagesOf } from './stage.ts';

const STAGE_LABELS: Record<StageKey, Message> = {
  submit: m.stageSubmit,
  provider: m.stageProvider,
  authenticity: m.stageAuthenticity,
  sms: m.stageSms,
  admin: m.stageAdmin,
  result: m.stageResult,
};

/** The stages of the filing with the current one marked (aria-current: antd sets none). */
export function StageSteps({ order }: { order: OrderView }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const stages = stagesOf(order);
  const current = Math.max(0, stages.indexOf(stageOf(order.state)));
  const done = order.state === 'approved' || order.state === 'completed_removed';
  const failed = REJECTED_STATES.includes(order.state) || order.state === 'abandoned';
  return (
    <nav aria-label={t(m.stepsLabel)}>
      <Steps
        size="small"
        orientation={screens.md ? 'horizontal' : 'vertical'}
        current={current}
        status={done ? 'finish' : failed ? 'error' : 'process'}
        items={stages.map((s, i) => ({
          title: <span aria-current={i === current && !done ? 'step' : undefined}>{t(STAGE_LABELS[s])}</span>,
        }))}
      />
    </nav>
  );
}
