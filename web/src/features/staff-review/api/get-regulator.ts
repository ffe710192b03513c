import { useQuery } from '@tanstack/react-query';
import { RegulatorPanelSchema } from '../../../../../src/contracts/forwarding-api.ts';
import { api } from '../../../api/client.ts';
import { staffOrderKeys } from './get-staff-order.ts';

/** GET /reviewer/orders/:id/regulator: MIIT's reference and status, and each submission's delivery. */
export const useRegulatorPanel = (orderId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...staffOrderKeys.one(orderId), 'regulator'],
    queryFn: ({ signal }) =>
      api(`/reviewer/orders/${encodeURIComponent(orderId)}/regulator`, RegulatorPanelSchema, { signal }),
    enabled,
    refetchInterval: 15_000,
  });
