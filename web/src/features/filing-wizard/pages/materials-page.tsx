import { Alert, Breadcrumb, Flex } from 'antd';
import { Link, useParams } from 'react-router';
import { common } from '../../../components/messages.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useOrder } from '../../orders/api/get-order.ts';
import { mt } from '../components/materials/messages.ts';
import { MaterialsStep } from '../components/materials-step.tsx';
import { VerificationStep } from '../components/verification-step.tsx';

/** States in which materials can still be changed (the server's EDITABLE_STATES; it refuses uploads otherwise). */
const EDITABLE = ['draft', 'provider_rejected', 'admin_rejected', 'returned_by_miit'];
/** States in which the verification photo is taken (legacy ordering: after 初审). */
const VERIFYING = ['pending_authenticity_verification', 'authenticity_rejected', 'authenticity_under_review'];

/** 上传资料 as its own page (a direct link from the order): the materials step, and verification when due. */
export default function MaterialsPage() {
  const { id = '' } = useParams();
  const { t, ts } = useI18n();
  const order = useOrder(id);
  return (
    <Flex vertical gap={16} style={{ maxWidth: 960, margin: '0 auto', width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/">{t(common.navHome)}</Link> },
          { title: <Link to={`/orders/${encodeURIComponent(id)}`}>{t(mt.openPage)}</Link> },
          { title: t(mt.pageTitle) },
        ]}
      />
      <QueryState query={order}>
        {(o) => {
          const editable = EDITABLE.includes(o.state);
          const verifying =
            VERIFYING.includes(o.state) || (o.verificationStage === 'before_submit' && o.state === 'draft');
          return (
            <>
              {!editable && <Alert type="info" showIcon title={t(mt.notEditable, { state: ts(o.stateLabel) })} />}
              <MaterialsStep order={o} readOnly={!editable} />
              {verifying && <VerificationStep order={o} />}
            </>
          );
        }}
      </QueryState>
    </Flex>
  );
}
