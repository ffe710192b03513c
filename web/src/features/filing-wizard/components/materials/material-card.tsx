import { CheckCircleFilled, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Flex, Progress, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useId, useRef, useState } from 'react';
import type { z } from 'zod';
import {
  ACCEPTED_IMAGE_TYPES,
  CERTIFICATE_MATERIAL_KINDS,
  DEFAULT_UPLOAD_MAX_BYTES,
  DEFAULT_UPLOAD_MAX_PIXELS,
  type MaterialKind,
} from '../../../../../../src/contracts/material-api.ts';
import type { MaterialRequirementSchema, MaterialViewSchema } from '../../../../../../src/contracts/order-api.ts';
import {
  addMonths,
  formatIsoDate,
  isValidForMoreThanMonths,
  shanghaiDate,
} from '../../../../../../src/domain/validation/calendar.ts';
import { errorMessage } from '../../../../api/errors.ts';
import { formatBytes, type UploadProgress } from '../../../../api/upload.ts';
import { useI18n } from '../../../../i18n/i18n.tsx';
import type { Message } from '../../../../i18n/message.ts';
import { materialContentPath, useUploadMaterial } from '../../api/materials.ts';
import { mt } from './messages.ts';
import { RemoveMaterialButton } from './remove-material-button.tsx';
import { SampleImage, sampleKindOf } from './sample-image.tsx';

export type Requirement = z.infer<typeof MaterialRequirementSchema>;
export type MaterialView = z.infer<typeof MaterialViewSchema>;

const ID_KINDS = ['subject_rp_id', 'website_rp_id', 'personal_id'];
const FORM_KINDS = [
  'verification_form',
  'commitment',
  'auth_website_rp',
  'auth_subject_rp',
  'site_plan',
  'authenticity_guarantee',
  'authenticity_notice',
  'no_preapproval_commitment',
  'no_education_commitment',
  'finance_commitment',
  'ecommerce_note',
];

export const isCertificate = (kind: string) => CERTIFICATE_MATERIAL_KINDS.includes(kind as MaterialKind);

/** The rules shown inline for one kind of material. */
export function rulesFor(kind: string): Array<{ m: Message; params?: Record<string, string | number> }> {
  const rules: Array<{ m: Message; params?: Record<string, string | number> }> = [];
  if (ID_KINDS.includes(kind)) rules.push({ m: mt.ruleBothSides });
  if (kind === 'subject_cert') rules.push({ m: mt.ruleLatestLicence });
  if (FORM_KINDS.includes(kind)) rules.push({ m: mt.ruleSignature });
  rules.push({ m: mt.ruleColour }, { m: mt.ruleCorners }, { m: mt.ruleGlare }, { m: mt.ruleNoReshoot });
  if (isCertificate(kind)) rules.push({ m: mt.ruleValidity });
  rules.push({
    m: mt.ruleFormat,
    params: { max: formatBytes(DEFAULT_UPLOAD_MAX_BYTES), mp: DEFAULT_UPLOAD_MAX_PIXELS / 1_000_000 },
  });
  return rules;
}

/** Checks the browser can make before sending: declared type and size (the server checks the bytes again). */
export function fileProblem(file: File): { m: Message; params: Record<string, string> } | null {
  if (!(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(file.type))
    return { m: mt.fileTypeNotAllowed, params: { type: file.type || file.name.split('.').pop() || '?' } };
  if (file.size > DEFAULT_UPLOAD_MAX_BYTES)
    return { m: mt.fileTooLarge, params: { size: formatBytes(file.size), max: formatBytes(DEFAULT_UPLOAD_MAX_BYTES) } };
  return null;
}

/** The date a certificate must outlast: today (Shanghai) plus 3 months. */
export const minimumValidDate = (now = new Date()): string => {
  const today = shanghaiDate(now);
  return today ? formatIsoDate(addMonths(today, 3)) : '';
};

/** A stored image is an attachment with a sandbox CSP: fetch it and show it from a blob: URL. */
export function useStoredPreview(materialId: string | undefined) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!materialId) return;
    let revoked = false;
    let objectUrl: string | null = null;
    setFailed(false);
    fetch(materialContentPath(materialId), { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(String(r.status)))))
      .then((b) => {
        if (revoked) return;
        objectUrl = URL.createObjectURL(b);
        setUrl(objectUrl);
      })
      .catch(() => !revoked && setFailed(true));
    return () => {
      revoked = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [materialId]);
  return { url, failed };
}

export function StoredMaterial({ material, label }: { material: MaterialView; label: string }) {
  const { t, locale } = useI18n();
  const { url, failed } = useStoredPreview(material.id);
  const type =
    material.contentType === 'image/png' ? 'PNG' : material.contentType.startsWith('video/') ? 'MP4' : 'JPEG';
  return (
    <Flex gap={12} wrap align="flex-start">
      <div className="material-thumb">
        {url ? (
          <img src={url} alt={t(mt.storedPreview, { label })} />
        ) : (
          <Typography.Text type="secondary">{failed ? t(mt.previewFailed) : '…'}</Typography.Text>
        )}
      </div>
      <Space direction="vertical" size={4} style={{ flex: '1 1 220px', minWidth: 0 }}>
        <Typography.Text>
          <CheckCircleFilled style={{ color: '#389e0d', marginInlineEnd: 6 }} aria-hidden />
          {t(mt.uploadedAt, {
            at: dayjs(material.createdAt)
              .locale(locale === 'zh-CN' ? 'zh-cn' : 'en')
              .format('YYYY-MM-DD HH:mm'),
            size: formatBytes(material.byteSize),
            type,
          })}
        </Typography.Text>
        {material.validUntil && (
          <Typography.Text type="secondary">
            {t(mt.validUntil)}: {material.validUntil === '9999-12-31' ? t(mt.longTerm) : material.validUntil}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">{t(mt.serverDid, { type })}</Typography.Text>
      </Space>
    </Flex>
  );
}

type Props = {
  orderId: string;
  requirement: Requirement;
  uploaded: MaterialView | undefined;
  /** The expiry date the order data already gives for this certificate, to start from. */
  knownValidUntil: string | undefined;
};

/** One required material: why, a sample, its rules, the validity date, upload with progress and preview. */
export function MaterialCard({ orderId, requirement, uploaded, knownValidUntil }: Props) {
  const { t, ts } = useI18n();
  const upload = useUploadMaterial(orderId);
  const label = ts(requirement.label);
  const certificate = isCertificate(requirement.kind);
  const headingId = useId();
  const dateId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const initialLongTerm =
    (uploaded?.validUntil ?? knownValidUntil) === 'long_term' || uploaded?.validUntil === '9999-12-31';
  const initialDate =
    uploaded?.validUntil && !initialLongTerm
      ? uploaded.validUntil
      : knownValidUntil && knownValidUntil !== 'long_term'
        ? knownValidUntil
        : undefined;
  const [longTerm, setLongTerm] = useState(initialLongTerm);
  const [date, setDate] = useState<Dayjs | null>(
    initialDate && dayjs(initialDate).isValid() ? dayjs(initialDate) : null,
  );
  const [staged, setStaged] = useState<{ file: File; url: string } | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<{ m: Message; params?: Record<string, string | number> } | null>(null);
  const [done, setDone] = useState(false);
  const abort = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      if (staged) URL.revokeObjectURL(staged.url);
    },
    [staged],
  );

  const validUntil = longTerm ? 'long_term' : date ? date.format('YYYY-MM-DD') : undefined;
  const minDate = minimumValidDate();
  const dateState: 'missing' | 'too_soon' | 'ok' | 'na' = !certificate
    ? 'na'
    : !validUntil
      ? 'missing'
      : isValidForMoreThanMonths(validUntil, new Date(), 3)
        ? 'ok'
        : 'too_soon';

  async function send(file: File) {
    setError(null);
    setDone(false);
    setProgress({ loaded: 0, total: file.size, percent: 0 });
    abort.current = new AbortController();
    try {
      await upload(
        {
          kind: requirement.kind,
          ...(requirement.websiteIndex !== undefined && { websiteIndex: requirement.websiteIndex }),
          ...(certificate && validUntil && { validUntil }),
          file,
        },
        setProgress,
        abort.current.signal,
      );
      setStaged(null);
      setDone(true);
    } catch (e) {
      if ((e as Error).name === 'AbortError') setError(null);
      else {
        const em = errorMessage(e);
        setError({ m: em.message, ...(em.params && { params: em.params }) });
      }
    } finally {
      setProgress(null);
      abort.current = null;
    }
  }

  function onPick(file: File | undefined) {
    if (!file) return;
    const problem = fileProblem(file);
    if (problem) {
      setError({ m: problem.m, params: problem.params });
      return;
    }
    setStaged({ file, url: URL.createObjectURL(file) });
    if (dateState === 'na' || dateState === 'ok') void send(file);
    else setError(null);
  }

  const errorText = error ? t(error.m, error.params) : null;
  const missing = !uploaded;
  const sampleKind = sampleKindOf(requirement.kind);

  return (
    <Card
      className="material-card"
      aria-labelledby={headingId}
      title={
        <Flex gap={8} wrap align="center">
          <Typography.Title level={3} id={headingId} style={{ margin: 0, fontSize: 16 }}>
            {label}
          </Typography.Title>
          {requirement.websiteIndex !== undefined && <Tag>{t(mt.websiteN, { n: requirement.websiteIndex + 1 })}</Tag>}
          {missing ? (
            <Tag className="tag-todo">{t(mt.statusMissing)}</Tag>
          ) : (
            <Tag className="tag-ok">{t(mt.statusUploaded)}</Tag>
          )}
        </Flex>
      }
    >
      <Typography.Paragraph>
        <Typography.Text strong>{t(mt.why)}</Typography.Text>
        {ts(requirement.reason)}
      </Typography.Paragraph>
      {requirement.kind === 'domain_cert' && (
        <Alert type="info" showIcon title={t(mt.domainCertHint)} style={{ marginBottom: 12 }} />
      )}
      {FORM_KINDS.includes(requirement.kind) && (
        <Typography.Paragraph type="secondary">{t(mt.templateHint)}</Typography.Paragraph>
      )}
      <div className="material-body">
        <figure className="material-sample">
          <SampleImage kind={sampleKind} label={t(mt.sampleAlt, { label })} />
          <figcaption>{t(mt.sample)}</figcaption>
        </figure>
        <div className="material-rules">
          <Typography.Text strong>{t(mt.rulesTitle)}</Typography.Text>
          <ul>
            {rulesFor(requirement.kind).map((r) => (
              <li key={r.m.en}>{t(r.m, r.params)}</li>
            ))}
          </ul>
        </div>
      </div>

      {certificate && (
        <div className="material-date">
          <label htmlFor={dateId}>
            <Typography.Text strong>{t(mt.validUntil)}</Typography.Text>
          </label>
          <Flex gap={12} wrap align="center">
            <DatePicker
              id={dateId}
              value={date}
              disabled={longTerm}
              onChange={(d) => setDate(d)}
              format="YYYY-MM-DD"
              status={dateState === 'too_soon' ? 'error' : undefined}
              aria-invalid={dateState === 'too_soon'}
              aria-describedby={`${dateId}-help`}
              style={{ width: 180 }}
            />
            <Checkbox checked={longTerm} onChange={(e) => setLongTerm(e.target.checked)}>
              {t(mt.longTerm)}
            </Checkbox>
          </Flex>
          <div id={`${dateId}-help`} aria-live="polite" className={`material-date-help ${dateState}`}>
            {dateState === 'too_soon' && (
              <Typography.Text type="danger">{t(mt.validUntilTooSoon, { date: minDate })}</Typography.Text>
            )}
            {dateState === 'ok' && <Typography.Text className="text-ok">{t(mt.validUntilOk)}</Typography.Text>}
            {dateState === 'missing' && staged && (
              <Typography.Text className="text-warn">{t(mt.validUntilRequired)}</Typography.Text>
            )}
          </div>
        </div>
      )}

      {uploaded && !staged && <StoredMaterial material={uploaded} label={label} />}

      {staged && (
        <Flex gap={12} wrap align="flex-start" style={{ marginTop: 12 }}>
          <div className="material-thumb">
            <img src={staged.url} alt={t(mt.selectedPreview, { name: staged.file.name })} />
          </div>
          <Space direction="vertical" size={4} style={{ flex: '1 1 220px' }}>
            <Typography.Text>
              {staged.file.name} · {formatBytes(staged.file.size)}
            </Typography.Text>
            {!progress && dateState !== 'ok' && dateState !== 'na' && (
              <Typography.Text className="text-warn">{t(mt.waitingForDate)}</Typography.Text>
            )}
          </Space>
        </Flex>
      )}

      {progress && (
        <Flex gap={12} align="center" style={{ marginTop: 12 }}>
          <Progress
            percent={progress.percent}
            size="small"
            style={{ flex: 1 }}
            aria-label={t(mt.uploadProgressLabel, { label })}
          />
          <Button size="small" onClick={() => abort.current?.abort()}>
            {t(mt.cancelUpload)}
          </Button>
        </Flex>
      )}

      <div role="alert" aria-live="assertive">
        {errorText && (
          <Alert type="error" showIcon title={t(mt.uploadFailed)} description={errorText} style={{ marginTop: 12 }} />
        )}
      </div>
      <div aria-live="polite" className="sr-status">
        {progress ? t(mt.uploading, { percent: progress.percent }) : done ? t(mt.uploadDone, { label }) : ''}
      </div>

      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <input
          ref={fileRef}
          type="file"
          accept={ACCEPTED_IMAGE_TYPES.join(',')}
          hidden
          data-testid={`file-${requirement.kind}-${requirement.websiteIndex ?? 's'}`}
          onChange={(e) => {
            onPick(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <Button
          icon={<UploadOutlined />}
          type={missing ? 'primary' : 'default'}
          disabled={!!progress}
          onClick={() => fileRef.current?.click()}
          aria-label={`${uploaded ? t(mt.replace) : t(mt.choose)}: ${label}`}
        >
          {uploaded ? t(mt.replace) : t(mt.choose)}
        </Button>
        {staged && !progress && (dateState === 'ok' || dateState === 'na') && !done && (
          <Button onClick={() => void send(staged.file)}>{t(mt.uploadNow)}</Button>
        )}
        {uploaded && !staged && !progress && (
          <RemoveMaterialButton orderId={orderId} materialId={uploaded.id} label={label} />
        )}
      </Flex>
    </Card>
  );
}
