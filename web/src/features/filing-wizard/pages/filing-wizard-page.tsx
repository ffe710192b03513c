import { Button, Result } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { EDITABLE_ORDER_STATES } from '../../../../../src/contracts/reference-data.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useOrder } from '../../orders/api/get-order.ts';
import { FilingWizard } from '../components/filing-wizard.tsx';
import { wizardText } from '../messages.ts';

/** /orders/:id/edit: the wizard of an order the applicant may edit (a draft, or back after a rejection). */
export default function FilingWizardPage() {
  const { id = '' } = useParams();
  const { t, ts } = useI18n();
  const order = useOrder(id);
  const navigate = useNavigate();
  return (
    <QueryState query={order}>
      {(o) =>
        EDITABLE_ORDER_STATES.includes(o.state) ? (
          <FilingWizard key={o.id} order={o} />
        ) : (
          <Result
            status="info"
            title={t(wizardText.notEditable, { state: ts(o.stateLabel) })}
            extra={
              <Button type="primary" onClick={() => navigate(`/orders/${o.id}`)}>
                {t(wizardText.goProgress)}
              </Button>
            }
          />
        )
      }
    </QueryState>
  );
}
