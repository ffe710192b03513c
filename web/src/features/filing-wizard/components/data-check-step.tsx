import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { PROVINCES } from '../../../../../src/contracts/reference-data.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { certificateTypeLabels, personIdTypeLabels, subjectTypeLabels } from '../../../components/vocabulary.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { useRecords } from '../../orders/api/get-records.ts';
import { fieldText, wizardText } from '../messages.ts';

const label = <K extends string>(labels: Record<K, Message>, v: string, t: (m: Message) => string) =>
  v in labels ? t(labels[v as K]) : v;

/** 新增网站 on a filed subject: the filed subject data, read-only, to confirm or to change first (主体变更). */
export function DataCheckStep({ onNext }: { onNext: () => void }) {
  const { t, locale } = useI18n();
  const records = useRecords();
  return (
    <QueryState query={records}>
      {(r) => {
        const s = r.subject;
        const d = s?.data;
        const province = PROVINCES.find((p) => p.code === d?.province);
        const person = d?.responsiblePerson;
        return (
          <>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t(wizardText.checkTitle)}
            </Typography.Title>
            <Typography.Paragraph>{t(wizardText.checkIntro)}</Typography.Paragraph>
            {s && d && (
              <Card size="small" className="wizard-card">
                <Descriptions
                  size="small"
                  column={{ xs: 1, sm: 1, md: 2 }}
                  items={[
                    { key: 'no', label: t(wizardText.subjectNumber), children: s.icpNumber },
                    { key: 'name', label: t(fieldText.sponsorName), children: d.sponsorName },
                    {
                      key: 'p',
                      label: t(fieldText.province),
                      children: province ? (locale === 'zh-CN' ? province.nameZh : province.nameEn) : d.province,
                    },
                    {
                      key: 'st',
                      label: t(fieldText.subjectType),
                      children: label(subjectTypeLabels, d.subjectType, t),
                    },
                    {
                      key: 'ct',
                      label: t(fieldText.certificateType),
                      children: label(certificateTypeLabels, d.certificateType, t),
                    },
                    { key: 'cn', label: t(fieldText.certificateNumber), children: d.certificateNumber },
                    { key: 'ma', label: t(fieldText.mailingAddress), children: d.mailingAddress },
                    { key: 'pn', label: t(fieldText.subjectPerson), children: person?.name },
                    {
                      key: 'pt',
                      label: t(fieldText.idType),
                      children: person ? label(personIdTypeLabels, person.idType, t) : '',
                    },
                    { key: 'pm', label: t(fieldText.mobile), children: person?.mobile },
                    { key: 'pe', label: t(fieldText.email), children: person?.email },
                  ]}
                />
              </Card>
            )}
            <Space wrap>
              <Button type="primary" onClick={onNext}>
                {t(wizardText.checkOk)}
              </Button>
              <Link to="/">{t(wizardText.checkChange)}</Link>
            </Space>
          </>
        );
      }}
    </QueryState>
  );
}
