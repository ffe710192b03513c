import { Space, Typography } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { OrderView } from '../api/get-staff-order.ts';
import { sr } from '../messages.ts';
import { authenticityPairs } from '../review-model.ts';
import type { Draft } from '../use-review-draft.ts';
import { MaterialCard } from './materials-panel.tsx';

export function AuthenticityPanel({ order, draft }: { order: OrderView; draft: Draft }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {authenticityPairs(order).map((pair) => (
        <section
          key={pair.websiteIndex}
          aria-label={t(sr.website, {
            n: pair.websiteIndex + 1,
            domain: order.data.websites[pair.websiteIndex]?.domain ?? '',
          })}
        >
          <h2 className="sr-h2">
            {t(sr.website, { n: pair.websiteIndex + 1, domain: order.data.websites[pair.websiteIndex]?.domain ?? '' })}
          </h2>
          <div className="sr-compare">
            <div>
              <Typography.Title level={3} className="sr-h3">
                {t(sr.curtainTitle)}
              </Typography.Title>
              {pair.verification.map((g) => (
                <MaterialCard key={g.path} group={g} draft={draft} kind="authenticity" editable />
              ))}
            </div>
            <div>
              <Typography.Title level={3} className="sr-h3">
                {t(sr.idPhotoTitle)}
              </Typography.Title>
              {pair.ids.map((g) => (
                <MaterialCard key={g.path} group={g} draft={draft} kind="material" editable={false} />
              ))}
            </div>
          </div>
        </section>
      ))}
    </Space>
  );
}
