import { useInfiniteQuery } from '@tanstack/react-query';
import {
  type AuditEntry,
  AuditPageSchema,
  type AuditSearchRequest,
  AuditSearchRequestSchema,
} from '../../../../../src/contracts/audit-api.ts';
import { api } from '../../../api/client.ts';

export type { AuditEntry };
/** The filters of one search, without paging (the hook adds the cursor). */
export type AuditFilters = Omit<AuditSearchRequest, 'cursor' | 'limit'>;

export const auditKeys = {
  all: ['staff-audit'] as const,
  search: (filters: AuditFilters) => ['staff-audit', 'search', filters] as const,
};

/**
 * POST /admin/audit/search: newest first, paged by the server's keyset cursor ("load more"). A POST so that an
 * actor named by e-mail never appears in a URL, a log line or the browser history.
 */
export const useAuditSearch = (filters: AuditFilters, limit = 50) =>
  useInfiniteQuery({
    queryKey: auditKeys.search(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api('/admin/audit/search', AuditPageSchema, {
        method: 'POST',
        body: AuditSearchRequestSchema.parse({ ...filters, limit, ...(pageParam && { cursor: pageParam }) }),
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
