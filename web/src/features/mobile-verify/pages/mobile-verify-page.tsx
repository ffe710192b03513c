import {
  CameraOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  FolderOpenOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Progress, Result, Skeleton, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../api/errors.ts';
import { formatBytes, type UploadProgress } from '../../../api/upload.ts';
import { LanguageSwitch } from '../../../components/language-switch.tsx';
import { common } from '../../../components/messages.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { uploadVerificationPhoto, useVerifySession } from '../api/verify-session.ts';
import { mv } from '../messages.ts';
import { analyse, type FileVerdict, fileVerdict, type PhotoReport, readPixels } from '../photo-checks.ts';
import '../../../app/layouts/portal-layout.css';

/** The token is in the fragment (`/m/verify#<token>`), which browsers never send to the server. */
const tokenFromHash = () => (typeof window === 'undefined' ? '' : window.location.hash.replace(/^#/, '').trim());

type Check = { ok: boolean; blocking: boolean; m: Message; params?: Record<string, string | number> };

function checksOf(
  file: File,
  verdict: FileVerdict,
  report: PhotoReport | null,
  maxBytes: number,
  decodeFailed: boolean,
) {
  const checks: Check[] = [];
  const size = formatBytes(file.size);
  const max = formatBytes(maxBytes);
  if (verdict === 'too_large') checks.push({ ok: false, blocking: true, m: mv.tooLarge, params: { size, max } });
  else if (verdict === 'wrong_type') checks.push({ ok: false, blocking: true, m: mv.wrongType });
  else if (verdict === 'empty') checks.push({ ok: false, blocking: true, m: mv.empty });
  else checks.push({ ok: true, blocking: false, m: mv.sizeOk, params: { size } });
  if (decodeFailed) checks.push({ ok: false, blocking: true, m: mv.decodeFailed });
  if (report) {
    checks.push(
      report.brightnessVerdict === 'ok'
        ? { ok: true, blocking: false, m: mv.brightOk }
        : { ok: false, blocking: false, m: report.brightnessVerdict === 'too_dark' ? mv.tooDark : mv.tooBright },
    );
    checks.push(
      report.face ? { ok: true, blocking: false, m: mv.faceOk } : { ok: false, blocking: false, m: mv.noFace },
    );
  }
  return checks;
}

function useCountdown(until: string | undefined) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!until) return null;
  return Math.max(0, new Date(until).getTime() - now);
}

/** /m/verify#<token>: the phone page of authenticity verification, without sign-in, mobile first. */
export default function MobileVerifyPage() {
  const { t } = useI18n();
  const [token] = useState(tokenFromHash);
  const session = useVerifySession(token);
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [photo, setPhoto] = useState<{ file: File; url: string; checks: Check[] } | null>(null);
  const [checking, setChecking] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<{ message: Message; params?: Record<string, string | number> } | null>(null);
  const [done, setDone] = useState(false);
  const left = useCountdown(session.data?.expiresAt);

  useEffect(
    () => () => {
      if (photo) URL.revokeObjectURL(photo.url);
    },
    [photo],
  );

  async function onPick(file: File | undefined) {
    if (!file || !session.data) return;
    setError(null);
    setChecking(true);
    const verdict = fileVerdict(file, session.data.maxImageBytes, session.data.acceptedTypes);
    let report: PhotoReport | null = null;
    let decodeFailed = false;
    if (verdict === 'ok') {
      try {
        report = analyse(await readPixels(file));
      } catch {
        decodeFailed = true;
      }
    }
    setPhoto({
      file,
      url: URL.createObjectURL(file),
      checks: checksOf(file, verdict, report, session.data.maxImageBytes, decodeFailed),
    });
    setChecking(false);
  }

  async function send() {
    if (!photo) return;
    setError(null);
    setProgress({ loaded: 0, total: photo.file.size, percent: 0 });
    try {
      await uploadVerificationPhoto(token, photo.file, setProgress);
      setDone(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
    }
  }

  const header = (
    <Flex justify="space-between" align="center" style={{ width: '100%' }}>
      <span className="portal-brand">{t(common.appName)}</span>
      <LanguageSwitch />
    </Flex>
  );

  const body = () => {
    if (!token) return <Alert type="error" showIcon role="alert" title={t(mv.noToken)} />;
    if (session.isPending) return <Skeleton active aria-busy="true" aria-label={t(common.loading)} />;
    if (session.error) {
      const e = errorMessage(session.error);
      return <Alert type="error" showIcon role="alert" title={t(e.message, e.params)} />;
    }
    const s = session.data;
    if (done) {
      return (
        <Result
          status="success"
          title={<h2 style={{ fontSize: 20, margin: 0 }}>{t(mv.doneTitle)}</h2>}
          subTitle={<span style={{ color: 'rgba(0,0,0,0.65)' }}>{t(mv.doneText)}</span>}
        />
      );
    }
    const expired = left !== null && left <= 0;
    const blocking = photo?.checks.some((c) => c.blocking) ?? false;
    const warned = photo?.checks.some((c) => !c.ok && !c.blocking) ?? false;
    return (
      <Flex vertical gap={16}>
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'o', label: t(mv.order), children: s.orderRef },
            ...(s.domain ? [{ key: 'w', label: t(mv.website), children: s.domain }] : []),
            ...(s.personNameMasked ? [{ key: 'p', label: t(mv.person), children: s.personNameMasked }] : []),
            {
              key: 'e',
              label: t(mv.expiresIn),
              children:
                left === null
                  ? ''
                  : `${Math.floor(left / 60000)}:${String(Math.floor((left % 60000) / 1000)).padStart(2, '0')}`,
            },
          ]}
        />
        {expired && <Alert type="warning" showIcon role="alert" title={t(mv.expiredNow)} />}
        <div>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t(mv.rulesTitle)}
          </Typography.Title>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {[mv.rule1, mv.rule2, mv.rule3, mv.rule4].map((m) => (
              <li key={m.en}>{t(m)}</li>
            ))}
            <li>{t(mv.rule5, { formats: 'JPG / PNG / WebP', max: formatBytes(s.maxImageBytes) })}</li>
          </ul>
        </div>
        <input
          ref={camera}
          type="file"
          accept="image/*"
          capture="user"
          hidden
          data-testid="camera-input"
          onChange={(e) => {
            void onPick(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <input
          ref={picker}
          type="file"
          accept={s.acceptedTypes.join(',')}
          hidden
          data-testid="file-input"
          onChange={(e) => {
            void onPick(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        {!photo && (
          <Flex vertical gap={8}>
            <Button
              type="primary"
              size="large"
              icon={<CameraOutlined />}
              block
              disabled={expired}
              onClick={() => camera.current?.click()}
            >
              {t(mv.takePhoto)}
            </Button>
            <Button
              size="large"
              icon={<FolderOpenOutlined />}
              block
              disabled={expired}
              onClick={() => picker.current?.click()}
            >
              {t(mv.pickFile)}
            </Button>
          </Flex>
        )}
        <div aria-live="polite">{checking && <Typography.Text>{t(mv.checking)}</Typography.Text>}</div>
        {photo && (
          <Flex vertical gap={12}>
            <img
              src={photo.url}
              alt={t(mv.preview)}
              style={{ width: '100%', maxHeight: 360, objectFit: 'contain', background: '#f5f7fa', borderRadius: 6 }}
            />
            <section aria-labelledby="checks-title" aria-live="polite">
              <Typography.Text strong id="checks-title">
                {t(mv.checksTitle)}
              </Typography.Text>
              <ul style={{ listStyle: 'none', padding: 0, margin: '6px 0 0' }} data-testid="photo-checks">
                {photo.checks.map((c) => (
                  <li key={c.m.en} style={{ display: 'flex', gap: 8, alignItems: 'baseline', margin: '4px 0' }}>
                    {c.ok ? (
                      <CheckCircleFilled style={{ color: '#389e0d' }} aria-hidden />
                    ) : c.blocking ? (
                      <CloseCircleFilled style={{ color: '#cf1322' }} aria-hidden />
                    ) : (
                      <WarningFilled style={{ color: '#ad6800' }} aria-hidden />
                    )}
                    <span>{t(c.m, c.params)}</span>
                  </li>
                ))}
              </ul>
            </section>
            {progress && <Progress percent={progress.percent} aria-label={t(mv.progressLabel)} />}
            <div role="alert">
              {error && (
                <Alert type="error" showIcon title={t(mv.failed)} description={t(error.message, error.params)} />
              )}
            </div>
            <Flex vertical gap={8}>
              <Button
                type="primary"
                size="large"
                block
                disabled={blocking || expired}
                loading={!!progress}
                onClick={() => void send()}
              >
                {warned ? t(mv.uploadAnyway) : t(mv.upload)}
              </Button>
              <Button size="large" block disabled={!!progress} onClick={() => setPhoto(null)}>
                {t(mv.retake)}
              </Button>
            </Flex>
          </Flex>
        )}
      </Flex>
    );
  };

  return (
    <main id="main" style={{ minHeight: '100vh', background: '#f5f7fa', padding: 12 }}>
      <Flex vertical gap={12} style={{ maxWidth: 480, margin: '0 auto' }}>
        {header}
        <Card>
          <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
            {t(mv.title)}
          </Typography.Title>
          {body()}
        </Card>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(mv.privacy)}
        </Typography.Text>
      </Flex>
    </main>
  );
}
