import { Alert, Button, Card, Checkbox, Descriptions, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { PROVINCES } from '../../../../../src/contracts/reference-data.ts';
import { common } from '../../../components/messages.ts';
import {
  accessMethodLabels,
  certificateTypeLabels,
  personIdTypeLabels,
  preApprovalLabels,
  serviceContentLabels,
  subjectTypeLabels,
  websiteLanguageLabels,
} from '../../../components/vocabulary.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import type { OrderView } from '../../orders/api/get-order.ts';
import { AGREEMENTS, type Agreement } from '../agreements.ts';
import { fieldText, wizardText } from '../messages.ts';
import type { FormValues, StepKey } from '../wizard-model.ts';

type Rec = Record<string, unknown>;
export type Accepted = Record<Agreement['key'], boolean>;

function useShow() {
  const { t } = useI18n();
  return {
    text: (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : t(wizardText.empty)),
    label: <K extends string>(labels: Record<K, Message>, v: unknown) =>
      typeof v === 'string' && v in labels ? t(labels[v as K]) : t(wizardText.empty),
    validUntil: (v: unknown) =>
      v === 'long_term' ? t(wizardText.longTerm) : typeof v === 'string' && v ? v : t(wizardText.empty),
    bool: (v: unknown) => (v === true ? t(wizardText.yes) : v === false ? t(wizardText.no) : t(wizardText.empty)),
  };
}

function Group({
  title,
  step,
  onEdit,
  items,
}: {
  title: string;
  step: StepKey;
  onEdit: (s: StepKey) => void;
  items: { label: string; value: React.ReactNode }[];
}) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      className="wizard-card"
      title={
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {title}
        </Typography.Title>
      }
      extra={
        <Button type="link" onClick={() => onEdit(step)} aria-label={t(wizardText.editGroupLabel, { group: title })}>
          {t(wizardText.editGroup)}
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={items.map((i, k) => ({ key: k, label: i.label, children: i.value }))}
      />
    </Card>
  );
}

function personItems(p: Rec | undefined, show: ReturnType<typeof useShow>, t: (m: Message) => string) {
  const v = p ?? {};
  return [
    { label: t(fieldText.personName), value: show.text(v.name) },
    { label: t(fieldText.idType), value: show.label(personIdTypeLabels, v.idType) },
    { label: t(fieldText.idNumber), value: show.text(v.idNumber) },
    { label: t(fieldText.idValidUntil), value: show.validUntil(v.idValidUntil) },
    { label: t(fieldText.mobile), value: show.text(v.mobile) },
    { label: t(fieldText.emergencyPhone), value: show.text(v.emergencyPhone) },
    { label: t(fieldText.email), value: show.text(v.email) },
    { label: t(fieldText.isLegalPerson), value: show.bool(v.isLegalPerson) },
  ];
}

/** 确认提交: everything entered, read-only and grouped with 编辑 links, the two agreements and the SMS warning. */
export function ConfirmStep({
  order,
  values,
  steps,
  onEdit,
  accepted,
  onAccept,
}: {
  order: OrderView;
  values: FormValues;
  steps: StepKey[];
  onEdit: (s: StepKey) => void;
  accepted: Accepted;
  onAccept: (a: Accepted) => void;
}) {
  const { t, locale } = useI18n();
  const show = useShow();
  const [open, setOpen] = useState<Agreement | null>(null);
  const subject = (values.subject ?? {}) as Rec;
  const websites = (values.websites ?? []) as Rec[];
  const province = PROVINCES.find((p) => p.code === subject.province);

  return (
    <>
      <Typography.Paragraph>{t(wizardText.confirmIntro)}</Typography.Paragraph>
      {steps.includes('subject') && (
        <>
          <Group
            title={t(wizardText.groupSubject)}
            step="subject"
            onEdit={onEdit}
            items={[
              {
                label: t(fieldText.province),
                value: province ? (locale === 'zh-CN' ? province.nameZh : province.nameEn) : t(wizardText.empty),
              },
              { label: t(fieldText.city), value: show.text(subject.city) },
              { label: t(fieldText.district), value: show.text(subject.district) },
              { label: t(fieldText.subjectType), value: show.label(subjectTypeLabels, subject.subjectType) },
              {
                label: t(fieldText.certificateType),
                value: show.label(certificateTypeLabels, subject.certificateType),
              },
              { label: t(fieldText.certificateNumber), value: show.text(subject.certificateNumber) },
              { label: t(fieldText.certificateValidUntil), value: show.validUntil(subject.certificateValidUntil) },
              { label: t(fieldText.sponsorName), value: show.text(subject.sponsorName) },
              { label: t(fieldText.certificateAddress), value: show.text(subject.certificateAddress) },
              { label: t(fieldText.mailingAddress), value: show.text(subject.mailingAddress) },
              ...(subject.subjectType !== 'individual'
                ? [{ label: t(fieldText.investor), value: show.text(subject.investorOrSupervisor) }]
                : []),
              ...(subject.remarks ? [{ label: t(fieldText.remarks), value: show.text(subject.remarks) }] : []),
            ]}
          />
          <Group
            title={t(wizardText.groupSubjectPerson)}
            step="subject"
            onEdit={onEdit}
            items={personItems(subject.responsiblePerson as Rec | undefined, show, t)}
          />
        </>
      )}
      {steps.includes('websites') &&
        websites.map((w, i) => (
          <Group
            key={(w.websiteId as string | undefined) ?? i}
            title={t(wizardText.groupWebsite, { n: i + 1, name: show.text(w.name) })}
            step="websites"
            onEdit={onEdit}
            items={[
              { label: t(fieldText.websiteName), value: show.text(w.name) },
              { label: t(fieldText.domain), value: show.text(w.domain) },
              { label: t(fieldText.homepageUrl), value: show.text(w.homepageUrl) },
              { label: t(fieldText.serviceContent), value: show.label(serviceContentLabels, w.serviceContent) },
              {
                label: t(fieldText.languages),
                value: Array.isArray(w.languages)
                  ? (w.languages as string[])
                      .map((l) => show.label(websiteLanguageLabels, l))
                      .join(t(wizardText.listSeparator))
                  : t(wizardText.empty),
              },
              {
                label: t(fieldText.preApprovals),
                value:
                  Array.isArray(w.preApprovals) && w.preApprovals.length > 0
                    ? (w.preApprovals as Rec[])
                        .map((p) => `${show.label(preApprovalLabels, p.type)} ${show.text(p.permitNumber)}`)
                        .join(t(wizardText.itemSeparator))
                    : t(wizardText.no),
              },
              { label: t(fieldText.authorizationCode), value: show.text(w.authorizationCode) },
              {
                label: t(fieldText.ipAddresses),
                value: Array.isArray(w.ipAddresses)
                  ? (w.ipAddresses as string[]).filter(Boolean).join(', ') || t(wizardText.empty)
                  : t(wizardText.empty),
              },
              { label: t(fieldText.accessMethod), value: show.label(accessMethodLabels, w.accessMethod) },
              { label: t(fieldText.serverLocation), value: show.text(w.serverLocation) },
              { label: t(fieldText.sameAsSubject), value: show.bool(w.sameAsSubjectResponsible) },
              ...personItems(w.responsiblePerson as Rec | undefined, show, t).map((p) => ({
                ...p,
                label: `${t(wizardText.groupWebsitePerson)} · ${p.label}`,
              })),
            ]}
          />
        ))}
      {steps.includes('cancel') && (
        <Group
          title={t(wizardText.groupCancel)}
          step="cancel"
          onEdit={onEdit}
          items={[{ label: t(wizardText.cancelReason), value: show.text(values.cancelReason) }]}
        />
      )}
      {steps.includes('materials') && (
        <Group
          title={t(wizardText.groupMaterials)}
          step="materials"
          onEdit={onEdit}
          items={[
            {
              label: t(wizardText.groupMaterials),
              value: t(wizardText.materialsCount, { count: order.materials.length }),
            },
          ]}
        />
      )}

      <Card size="small" className="wizard-card" title={t(wizardText.agreementsTitle)}>
        <Space orientation="vertical">
          {AGREEMENTS.map((a) => (
            <Space key={a.key} wrap size={4}>
              <Checkbox
                checked={accepted[a.key]}
                aria-label={`${t(wizardText.agreeTo)}${t(a.name)}`}
                onChange={(e) => onAccept({ ...accepted, [a.key]: e.target.checked })}
              >
                {t(wizardText.agreeTo)}
              </Checkbox>
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(a)}>
                {t(a.name)}
              </Button>
            </Space>
          ))}
        </Space>
      </Card>
      <Alert
        type="warning"
        showIcon
        className="wizard-alert"
        title={t(wizardText.smsTitle)}
        description={t(wizardText.smsBody)}
      />
      <Modal
        open={open !== null}
        title={open ? t(open.name) : ''}
        onCancel={() => setOpen(null)}
        width={720}
        footer={
          open
            ? [
                <Button key="close" onClick={() => setOpen(null)}>
                  {t(common.close)}
                </Button>,
                <Button
                  key="ok"
                  type="primary"
                  onClick={() => {
                    onAccept({ ...accepted, [open.key]: true });
                    setOpen(null);
                  }}
                >
                  {t(wizardText.agreementAccept)}
                </Button>,
              ]
            : null
        }
      >
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling text must be reachable by keyboard */}
        <div className="wizard-agreement" tabIndex={0}>
          {open?.paragraphs.map((p) => (
            <Typography.Paragraph key={p.en.slice(0, 30)}>{t(p)}</Typography.Paragraph>
          ))}
        </div>
      </Modal>
    </>
  );
}
