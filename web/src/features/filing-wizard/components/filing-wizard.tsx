import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Space, Steps, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Person } from '../../../../../src/contracts/filing-data.ts';
import { FILING_TYPE_INFO } from '../../../../../src/contracts/reference-data.ts';
import { ApiError } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { common } from '../../../components/messages.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type OrderView, orderQuery } from '../../orders/api/get-order.ts';
import { precheckQuery } from '../../orders/api/get-precheck.ts';
import { useRecords } from '../../orders/api/get-records.ts';
import { useAcceptTerms, useSubmitOrder } from '../../orders/api/order-actions.ts';
import { revealField } from '../api/reveal-field.ts';
import { applyFieldNotes, type FieldNote, fieldNoteOfError, noteText, resolveField } from '../field-messages.ts';
import { fieldText, wizardText } from '../messages.ts';
import { clearStoredDraft, readStoredDraft, type SaveFinding, useAutosave } from '../use-autosave.ts';
import {
  activeRejection,
  editableChecker,
  type FormValues,
  isMaterialsReason,
  maskedValues,
  STEP_TITLES,
  type StepKey,
  stepOfPath,
  stepsFor,
  toFormValues,
} from '../wizard-model.ts';
import { type Accepted, ConfirmStep } from './confirm-step.tsx';
import { DataCheckStep } from './data-check-step.tsx';
import { FieldContext, type WizardFieldContext } from './field.tsx';
import { FindingsPanel, StepErrorSummary } from './findings-panel.tsx';
import { MaterialsStep } from './materials-step.tsx';
import { SaveStatus } from './save-status.tsx';
import { SubjectStep } from './subject-step.tsx';
import { VerificationStep } from './verification-step.tsx';
import { WebsitesStep } from './websites-step.tsx';
import './filing-wizard.css';

const STEP_FIELDS: Partial<Record<StepKey, (string | number)[][]>> = {
  subject: [['subject']],
  websites: [['websites']],
  cancel: [['cancelReason']],
};

const PERSON_KEYS = [
  'name',
  'idType',
  'idNumber',
  'idValidUntil',
  'mobile',
  'emergencyPhone',
  'email',
  'isLegalPerson',
];

/** The whole filing wizard of one editable order (one antd Form across the steps). */
export function FilingWizard({ order, today = new Date() }: { order: OrderView; today?: Date }) {
  const { t, ts, locale } = useI18n();
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const info = FILING_TYPE_INFO[order.type];
  const steps = useMemo(() => stepsFor(order), [order]);
  const stepParam = params.get('step') as StepKey | null;
  const step: StepKey = stepParam && steps.includes(stepParam) ? stepParam : steps[0]!;
  const stepIndex = steps.indexOf(step);

  // Rejection: only its fields are editable, each reason shows on its field.
  const rejection = useMemo(() => activeRejection(order), [order]);
  const [fieldCtx] = useState<WizardFieldContext>(() => ({
    editable: editableChecker(rejection?.reasons ?? null),
    masked: maskedValues(order.data),
    today,
  }));
  const rejectionNotes: FieldNote[] = useMemo(
    () =>
      (rejection?.reasons ?? []).map((r) => ({
        field: r.field,
        severity: 'rejection' as const,
        message: r.message,
        fix: r.suggestion,
      })),
    [rejection],
  );

  // Restore unsaved values kept through a session expiry, else the saved data.
  const [stored] = useState(() => readStoredDraft(order.id));
  const [initialValues] = useState<FormValues>(() => stored?.values ?? toFormValues(order));

  const [findings, setFindings] = useState<FieldNote[]>(() => (order.precheck?.findings ?? []).map((f) => ({ ...f })));
  const onFindings = useCallback((fs: SaveFinding[]) => setFindings(fs.map((f) => ({ ...f }))), []);
  const autosave = useAutosave({ order, form, onFindings });
  const applied = useRef(new Map<string, string[]>());
  const [stepError, setStepError] = useState<{ message: string; items: string[] } | null>(null);
  const [accepted, setAccepted] = useState<Accepted>({
    infoSecurity: order.termsAccepted,
    assistedCorrection: order.termsAccepted,
  });
  const pendingFocus = useRef<string | null>(null);
  const acceptTerms = useAcceptTerms(order.id);
  const submit = useSubmitOrder(order.id);
  const records = useRecords();
  const filedSubjectPerson = info.carriesSubjectData ? undefined : records.data?.subject?.data.responsiblePerson;
  // The filed subject's person arrives masked from 备案管理: its stars are values the server keeps, never errors.
  if (filedSubjectPerson) maskedValues(filedSubjectPerson, fieldCtx.masked as Set<string>);

  const allNotes = useMemo(() => [...rejectionNotes, ...findings], [rejectionNotes, findings]);

  // Server messages on their fields, once the fields exist and whenever they change.
  useEffect(() => {
    applied.current = applyFieldNotes(
      form,
      allNotes,
      (m) => noteText(m, locale),
      (fix) => t(wizardText.fixPrefix, { fix }),
      applied.current,
    );
  }, [allNotes, form, locale, t]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only once, the restored values are saved at mount
  useEffect(() => {
    if (stored) autosave.changed();
  }, []);

  const goStep = useCallback(
    (s: StepKey) => {
      setStepError(null);
      setParams(
        (p) => {
          const n = new URLSearchParams(p);
          n.set('step', s);
          return n;
        },
        { replace: false },
      );
    },
    [setParams],
  );

  // Focus a field after its step is shown.
  useEffect(() => {
    const path = pendingFocus.current;
    if (!path) return;
    pendingFocus.current = null;
    const name = resolveField(form, path);
    if (name) setTimeout(() => form.scrollToField(name, { focus: true, block: 'center' }), 0);
    else document.getElementById('wizard-step-content')?.focus();
  });

  const goToField = useCallback(
    (path: string) => {
      const target = stepOfPath(path, steps);
      pendingFocus.current = path;
      if (target !== step) goStep(target);
      else {
        const name = resolveField(form, path);
        if (name) form.scrollToField(name, { focus: true, block: 'center' });
      }
    },
    [form, goStep, step, steps],
  );

  /** 同主体负责人: copy the subject person; saved values shown masked are unmasked first, never copied as stars. */
  const copySubject = useCallback(
    async (index: number) => {
      const source = (
        info.carriesSubjectData ? form.getFieldValue(['subject', 'responsiblePerson']) : filedSubjectPerson
      ) as Partial<Person> | undefined;
      if (!source) return;
      const copy: Record<string, unknown> = {};
      let complete = true;
      for (const k of PERSON_KEYS) {
        const v = (source as Record<string, unknown>)[k];
        if (typeof v === 'string' && fieldCtx.masked.has(v)) {
          // The filed subject's masked values are copied as they are: for 同主体负责人 the server keeps the
          // subject person's real values behind the stars.
          if (!info.carriesSubjectData) {
            copy[k] = v;
            continue;
          }
          try {
            copy[k] = await revealField(order.id, `subject.responsiblePerson.${k}`);
          } catch {
            complete = false;
          }
        } else if (v !== undefined) copy[k] = v;
      }
      form.setFieldValue(['websites', index, 'responsiblePerson'], copy);
      if (!complete) form.setFieldValue(['websites', index, 'sameAsSubjectResponsible'], false);
      autosave.changed();
    },
    [autosave, fieldCtx.masked, filedSubjectPerson, form, info.carriesSubjectData, order.id],
  );

  const onValuesChange = (changed: FormValues) => {
    // Keep websites marked 同主体负责人 in step with the subject person as it is edited.
    if (changed.subject && 'responsiblePerson' in changed.subject) {
      const websites = (form.getFieldValue('websites') ?? []) as { sameAsSubjectResponsible?: boolean }[];
      websites.forEach((w, i) => {
        if (w?.sameAsSubjectResponsible) void copySubject(i);
      });
    }
    autosave.changed();
  };

  const validateStep = async (s: StepKey): Promise<boolean> => {
    const names = STEP_FIELDS[s];
    if (!names) return true;
    try {
      await form.validateFields(names, { recursive: true });
      return true;
    } catch (e) {
      const errorFields = (e as { errorFields?: { name: (string | number)[]; errors: string[] }[] }).errorFields ?? [];
      if (errorFields.length === 0) return true;
      setStepError({
        message: t(wizardText.stepInvalid, { count: errorFields.length }),
        items: errorFields.map((f) => f.errors[0] ?? '').filter(Boolean),
      });
      const first = errorFields[0];
      if (first) form.scrollToField(first.name, { focus: true, block: 'center' });
      return false;
    }
  };

  /** The materials step lets nobody past with a required upload missing (the server would refuse at submit). */
  const materialsComplete = async (): Promise<boolean> => {
    const check = await qc.fetchQuery({ ...precheckQuery(order.id), staleTime: 0 }).catch(() => null);
    if (!check || check.missingMaterials.length === 0) return true;
    setStepError({
      message: t(wizardText.materialsMissing, { count: check.missingMaterials.length }),
      items: check.missingMaterials.map((m) => ts(m.label)),
    });
    document.getElementById('wizard-step-content')?.focus();
    return false;
  };

  const next = async () => {
    if (!(await validateStep(step))) return;
    if (step === 'materials' && !(await materialsComplete())) return;
    void autosave.flush();
    const n = steps[stepIndex + 1];
    if (n) goStep(n);
    window.scrollTo?.({ top: 0 });
  };

  const onSubmit = async () => {
    setStepError(null);
    if (!accepted.infoSecurity || !accepted.assistedCorrection) {
      setStepError({ message: t(wizardText.agreementsRequired), items: [] });
      return;
    }
    for (const s of steps) {
      if (!(await validateStep(s))) {
        if (s !== step) goStep(s);
        return;
      }
    }
    if (!(await autosave.flush())) {
      setStepError({ message: t(wizardText.submitFailed), items: [t(wizardText.saveFailed)] });
      return;
    }
    try {
      if (!order.termsAccepted) {
        const o = await acceptTerms.mutateAsync();
        autosave.setVersion(o.version);
      }
      await submit.mutateAsync({ version: autosave.version() });
      clearStoredDraft(order.id);
      navigate(`/orders/${order.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ORDER_INCOMPLETE') {
        const fs = ((e.details as { findings?: SaveFinding[] } | undefined)?.findings ?? []).map((f) => ({ ...f }));
        if (fs.length > 0) setFindings(fs);
        setStepError({
          message: `${t(wizardText.submitFailed)}: ${t(errorMessage(e).message)}`,
          items: [t(wizardText.submitBlocked)],
        });
        return;
      }
      const { message, params: p } = errorMessage(e);
      const note = fieldNoteOfError(e);
      if (note) setFindings((fs) => [...fs.filter((f) => f.field !== note.field), note]);
      setStepError({ message: `${t(wizardText.submitFailed)}: ${t(message, p)}`, items: [] });
    }
  };

  // Conflict: load the latest, or keep mine and save it at the latest version.
  const [resolving, setResolving] = useState(false);
  const resolveConflict = async (choice: 'latest' | 'mine') => {
    setResolving(true);
    try {
      const latest = await qc.fetchQuery({ ...orderQuery(order.id), staleTime: 0 });
      if (choice === 'latest') autosave.loadLatest(latest, toFormValues(latest));
      else await autosave.keepMine(latest.version);
    } finally {
      setResolving(false);
    }
  };

  const stepNotes = step === 'confirm' ? allNotes : allNotes.filter((n) => stepOfPath(n.field, steps) === step);
  const materialsRejected = rejection?.reasons.some(isMaterialsReason) ?? false;
  const isLast = step === 'confirm';

  return (
    <FieldContext.Provider value={fieldCtx}>
      <div className="wizard">
        <div className="wizard-head">
          <div>
            <Typography.Title level={1} className="wizard-title">
              {t(rejection ? wizardText.titleRejected : wizardText.title)}
            </Typography.Title>
            <Typography.Text type="secondary">{t(wizardText.typeLine, { type: ts(order.typeName) })}</Typography.Text>
          </div>
          <SaveStatus status={autosave.status} onRetry={() => void autosave.retry()} />
        </div>
        <nav aria-label={t(wizardText.stepsLabel)}>
          <Steps
            className="wizard-steps"
            size="small"
            responsive
            current={stepIndex}
            onChange={(i) => {
              const target = steps[i];
              if (target && i < stepIndex) goStep(target);
            }}
            items={steps.map((s, i) => ({
              title: <span aria-current={i === stepIndex ? 'step' : undefined}>{t(STEP_TITLES[s])}</span>,
              disabled: i > stepIndex,
            }))}
          />
        </nav>

        {stored && <Alert type="info" showIcon closable className="wizard-alert" title={t(wizardText.draftRestored)} />}
        {rejection && (
          <Alert
            type="error"
            showIcon
            className="wizard-alert"
            title={t(wizardText.rejectedTitle)}
            description={
              <>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                  {t(wizardText.rejectedStage, {
                    stage: t(
                      {
                        provider: wizardText.stageProvider,
                        authenticity: wizardText.stageAuthenticity,
                        admin: wizardText.stageAdmin,
                        miit_return: wizardText.stageMiit,
                      }[rejection.stage],
                    ),
                    at: new Date(rejection.at).toLocaleString(locale),
                  })}
                </Typography.Paragraph>
                <ul className="wizard-error-list">
                  {rejection.reasons.map((r) => (
                    <li key={`${r.field}-${r.code}`}>
                      <Button
                        type="link"
                        size="small"
                        className="wizard-inline-link"
                        onClick={() => goToField(r.field)}
                      >
                        {r.message}
                      </Button>
                      {r.suggestion && <span> — {t(wizardText.suggestionPrefix, { text: r.suggestion })}</span>}
                    </li>
                  ))}
                </ul>
                {materialsRejected && <div>{t(wizardText.rejectedMaterials)}</div>}
                <div>{t(wizardText.lockedByRejection)}</div>
              </>
            }
          />
        )}
        <StepErrorSummary message={stepError?.message ?? null} items={stepError?.items ?? []} />

        <div id="wizard-step-content" tabIndex={-1} className="wizard-content">
          {/* The materials and verification steps carry their own heading (they also stand alone on a page). */}
          {step !== 'materials' && step !== 'verification' && (
            <Typography.Title level={2} className="wizard-step-title">
              {t(STEP_TITLES[step])}
            </Typography.Title>
          )}
          {fieldCtx.masked.size > 0 && (step === 'subject' || step === 'websites') && (
            <Typography.Paragraph type="secondary">{t(fieldText.maskedHint)}</Typography.Paragraph>
          )}
          {step !== 'confirm' && <FindingsPanel notes={stepNotes} onGo={goToField} />}
          <Form
            form={form}
            layout="vertical"
            initialValues={initialValues}
            onValuesChange={onValuesChange}
            requiredMark
            className="wizard-form"
          >
            {steps.includes('subject') && (
              <div hidden={step !== 'subject'}>
                <SubjectStep />
              </div>
            )}
            {steps.includes('websites') && (
              <div hidden={step !== 'websites'}>
                <WebsitesStep
                  type={order.type}
                  filedSubjectPerson={filedSubjectPerson}
                  onCopySubject={(i) => void copySubject(i)}
                />
              </div>
            )}
            {steps.includes('cancel') && (
              <div hidden={step !== 'cancel'}>
                <Form.Item
                  name="cancelReason"
                  label={t(wizardText.cancelReason)}
                  extra={t(wizardText.cancelReasonHelp)}
                  validateTrigger={['onChange', 'onBlur']}
                  rules={[
                    { required: true, whitespace: true, message: t(wizardText.cancelReasonRequired) },
                    { max: 500 },
                  ]}
                >
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} disabled={!fieldCtx.editable('cancelReason')} />
                </Form.Item>
              </div>
            )}
          </Form>
          {step === 'check' && <DataCheckStep onNext={() => void next()} />}
          {step === 'materials' && <MaterialsStep order={order} />}
          {step === 'verification' && <VerificationStep order={order} />}
          {step === 'confirm' && (
            <>
              <FindingsPanel notes={allNotes} onGo={goToField} defaultOpen />
              <ConfirmStep
                order={order}
                values={form.getFieldsValue(true) as FormValues}
                steps={steps}
                onEdit={goStep}
                accepted={accepted}
                onAccept={setAccepted}
              />
            </>
          )}
        </div>

        {step !== 'check' && (
          <div className="wizard-actions">
            <Space wrap>
              {stepIndex > 0 && <Button onClick={() => goStep(steps[stepIndex - 1]!)}>{t(common.previous)}</Button>}
              {isLast ? (
                <Button
                  type="primary"
                  loading={submit.isPending || acceptTerms.isPending}
                  onClick={() => void onSubmit()}
                >
                  {t(rejection ? wizardText.resubmit : wizardText.submit)}
                </Button>
              ) : (
                <Button type="primary" onClick={() => void next()}>
                  {t(common.next)}
                </Button>
              )}
            </Space>
          </div>
        )}

        <Modal
          open={autosave.status.kind === 'conflict'}
          title={t(wizardText.conflictTitle)}
          closable={false}
          mask={{ closable: false }}
          footer={[
            <Button key="latest" loading={resolving} onClick={() => void resolveConflict('latest')}>
              {t(wizardText.conflictLoadLatest)}
            </Button>,
            <Button key="mine" type="primary" loading={resolving} onClick={() => void resolveConflict('mine')}>
              {t(wizardText.conflictKeepMine)}
            </Button>,
          ]}
        >
          <Typography.Paragraph>{t(wizardText.conflictBody)}</Typography.Paragraph>
        </Modal>
      </div>
    </FieldContext.Provider>
  );
}
