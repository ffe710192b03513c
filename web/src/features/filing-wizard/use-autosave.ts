import type { FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { FindingDetailSchema } from '../../../../src/contracts/order-api.ts';
import { ApiError } from '../../api/client.ts';
import type { OrderView } from '../orders/api/get-order.ts';
import { useSaveOrderData } from '../orders/api/save-order-data.ts';
import { type FormValues, toOrderData } from './wizard-model.ts';

export type SaveFinding = z.infer<typeof FindingDetailSchema>;
export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; error: unknown }
  | { kind: 'conflict' };

/** sessionStorage key of the unsaved values of one order (kept through a session expiry and sign-in). */
export const draftKey = (orderId: string) => `beian.wizard.${orderId}`;

type StoredDraft = { values: FormValues; version: number };

export function readStoredDraft(orderId: string): StoredDraft | null {
  try {
    const raw = sessionStorage.getItem(draftKey(orderId));
    return raw ? (JSON.parse(raw) as StoredDraft) : null;
  } catch {
    return null;
  }
}
const writeStoredDraft = (orderId: string, draft: StoredDraft) => {
  try {
    sessionStorage.setItem(draftKey(orderId), JSON.stringify(draft));
  } catch {
    // storage full or blocked: the server save still runs
  }
};
export const clearStoredDraft = (orderId: string) => {
  try {
    sessionStorage.removeItem(draftKey(orderId));
  } catch {
    // nothing to clear
  }
};

export const AUTOSAVE_DELAY_MS = 1500;

/**
 * Debounced autosave with the version last read: each change goes to sessionStorage at once and to the server
 * 1.5 s after typing stops. A 409 from another tab stops saving until the user chooses; nothing typed is lost.
 */
export function useAutosave({
  order,
  form,
  onFindings,
  delayMs = AUTOSAVE_DELAY_MS,
}: {
  order: OrderView;
  form: FormInstance;
  onFindings: (findings: SaveFinding[]) => void;
  delayMs?: number;
}) {
  const save = useSaveOrderData(order.id);
  const version = useRef(order.version);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const again = useRef(false);
  const dirty = useRef(false);
  const conflict = useRef(false);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const findingsRef = useRef(onFindings);
  findingsRef.current = onFindings;

  const run = useCallback(async (): Promise<boolean> => {
    if (conflict.current) return false;
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    const values = form.getFieldsValue(true) as FormValues;
    dirty.current = false;
    setStatus({ kind: 'saving' });
    const p = (async () => {
      try {
        const saved = await save.mutateAsync({ version: version.current, data: toOrderData(order, values) });
        version.current = saved.version;
        findingsRef.current(saved.findings);
        if (!dirty.current) clearStoredDraft(order.id);
        else writeStoredDraft(order.id, { values: form.getFieldsValue(true), version: version.current });
        setStatus(dirty.current ? { kind: 'dirty' } : { kind: 'saved', at: new Date() });
        return true;
      } catch (e) {
        dirty.current = true;
        if (e instanceof ApiError && e.code === 'ORDER_VERSION_CONFLICT') {
          conflict.current = true;
          setStatus({ kind: 'conflict' });
        } else setStatus({ kind: 'error', error: e });
        return false;
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = p;
    const ok = await p;
    if (again.current && !conflict.current) {
      again.current = false;
      return run();
    }
    return ok;
  }, [form, order, save]);

  /** Called on every change of the form's values. */
  const changed = useCallback(() => {
    dirty.current = true;
    writeStoredDraft(order.id, { values: form.getFieldsValue(true), version: version.current });
    if (conflict.current) return;
    setStatus({ kind: 'dirty' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void run();
    }, delayMs);
  }, [delayMs, form, order.id, run]);

  /** Saves now if anything is pending (before a step change or the submission); true when all is saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) await inFlight.current;
    if (conflict.current) return false;
    if (dirty.current) return run();
    return true;
  }, [run]);

  /** After a conflict: keep what is typed here and save it at the latest version. */
  const keepMine = useCallback(
    async (latestVersion: number) => {
      version.current = latestVersion;
      conflict.current = false;
      dirty.current = true;
      return run();
    },
    [run],
  );

  /** After a conflict: take the latest saved data; the unsaved values here are dropped by the user's choice. */
  const loadLatest = useCallback(
    (latest: OrderView, values: FormValues) => {
      version.current = latest.version;
      conflict.current = false;
      dirty.current = false;
      clearStoredDraft(order.id);
      form.resetFields();
      form.setFieldsValue(values);
      setStatus({ kind: 'idle' });
    },
    [form, order.id],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return {
    status,
    changed,
    flush,
    keepMine,
    loadLatest,
    retry: run,
    version: () => version.current,
    setVersion: (v: number) => {
      version.current = v;
    },
  };
}
