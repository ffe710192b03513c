import { queryOptions, useQuery } from '@tanstack/react-query';
import { type OrderView, OrderViewSchema } from '../../../../../src/contracts/order-api.ts';
import { api } from '../../../api/client.ts';

export type { OrderView };

export const staffOrderKeys = {
  one: (id: string) => ['staff-orders', id] as const,
  audit: (id: string) => ['staff-orders', id, 'audit'] as const,
};

/** GET /reviewer/orders/:id: the order as staff see it (personal data masked). */
export const staffOrderQuery = (id: string) =>
  queryOptions({
    queryKey: staffOrderKeys.one(id),
    queryFn: ({ signal }) => api(`/reviewer/orders/${encodeURIComponent(id)}`, OrderViewSchema, { signal }),
  });

export const useStaffOrder = (id: string) => useQuery(staffOrderQuery(id));

/** The URL of a material's content for staff (opening it is audited by the server). */
export const staffMaterialUrl = (materialId: string) =>
  `/api/v1/reviewer/materials/${encodeURIComponent(materialId)}/content`;
