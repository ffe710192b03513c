import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { type ClaimView, ClaimViewSchema } from '../../../../../src/contracts/review-api.ts';
import { ApiError, api } from '../../../api/client.ts';
import { queueKeys } from '../../staff-queue/api/get-queue.ts';
import { staffOrderKeys } from './get-staff-order.ts';

export type { ClaimView };

const claimPath = (id: string, tail = '') => `/reviewer/orders/${encodeURIComponent(id)}/claim${tail}`;
const claimKey = (id: string) => [...staffOrderKeys.one(id), 'claim'] as const;
/** While a colleague holds the order, look again this often: their lease may lapse or be given back. */
const WATCH_MS = 10_000;

/**
 * The reviewer's claim on the order they have open (GET/POST …/claim, POST …/claim/release): taken when the
 * screen opens if the order is free, renewed every third of the lease while the screen stays open, and given back
 * when the reviewer leaves, so an abandoned screen frees the order at the latest when its lease runs out.
 */
export function useOrderClaim(orderId: string, active: boolean) {
  const qc = useQueryClient();
  const key = claimKey(orderId);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api(claimPath(orderId), ClaimViewSchema, { signal }),
    enabled: active,
    refetchInterval: (q) => (q.state.data?.mine ? false : WATCH_MS),
  });
  const claim = useMutation({
    mutationFn: () => api(claimPath(orderId), ClaimViewSchema, { method: 'POST' }),
    onSuccess: (view) => {
      qc.setQueryData(key, view);
      void qc.invalidateQueries({ queryKey: queueKeys.all });
    },
    // Lost to a colleague (or reassigned): show who holds it now; decided meanwhile: show the order as it is.
    onError: (e) => {
      void qc.invalidateQueries({ queryKey: key });
      if (e instanceof ApiError && e.code === 'ORDER_NOT_CLAIMABLE')
        void qc.invalidateQueries({ queryKey: staffOrderKeys.one(orderId), exact: true });
    },
  });
  const data = query.data;
  const mine = data?.mine === true;
  const { mutate } = claim;

  // Take a free order as soon as it opens; only once, so a reviewer who released it is not pulled back in.
  const tried = useRef(false);
  useEffect(() => {
    if (!active || !data || tried.current) return;
    tried.current = true;
    if (!data.mine && data.can.claim.can) mutate();
  }, [active, data, mutate]);

  const leaseSeconds = data?.leaseSeconds ?? 0;
  useEffect(() => {
    if (!mine || leaseSeconds === 0) return;
    const timer = window.setInterval(() => mutate(), (leaseSeconds * 1000) / 3);
    return () => window.clearInterval(timer);
  }, [mine, leaseSeconds, mutate]);

  // Leaving the screen (route change, closed tab) gives the order back at once.
  const mineRef = useRef(mine);
  mineRef.current = mine;
  useEffect(() => {
    const release = () => {
      if (!mineRef.current) return;
      mineRef.current = false;
      void fetch(`/api/v1${claimPath(orderId, '/release')}`, {
        method: 'POST',
        credentials: 'same-origin',
        keepalive: true,
      }).catch(() => undefined);
    };
    window.addEventListener('pagehide', release);
    return () => {
      window.removeEventListener('pagehide', release);
      release();
      void qc.invalidateQueries({ queryKey: queueKeys.all });
    };
  }, [orderId, qc]);

  const lostTo = claim.error instanceof ApiError && claim.error.code === 'ORDER_CLAIMED_BY_OTHER';
  const release = useMutation({
    mutationFn: () => api(claimPath(orderId, '/release'), ClaimViewSchema, { method: 'POST' }),
    onSuccess: (view) => {
      mineRef.current = false;
      qc.setQueryData(key, view);
      void qc.invalidateQueries({ queryKey: queueKeys.all });
    },
  });
  return { view: data, error: query.error, claim, release, lostTo };
}

/** POST …/claim/reassign (senior reviewers and admins): hand the order to a colleague, with a reason. */
export function useReassign(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { toUserId: string; reason: string }) =>
      api(claimPath(orderId, '/reassign'), ClaimViewSchema, { method: 'POST', body }),
    onSuccess: (view) => {
      qc.setQueryData(claimKey(orderId), view);
      void qc.invalidateQueries({ queryKey: queueKeys.all });
    },
  });
}
