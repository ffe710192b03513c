import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { AuthorizationCodeResponseSchema } from '../../../../../src/contracts/account-api.ts';
import { api } from '../../../api/client.ts';
import { codeKeys } from './query-keys.ts';

export type AuthorizationCode = z.infer<typeof AuthorizationCodeResponseSchema>;

export const codesQuery = queryOptions({
  queryKey: codeKeys.codes,
  queryFn: ({ signal }) =>
    api('/applicant/authorization-codes', z.object({ items: z.array(AuthorizationCodeResponseSchema) }), { signal }),
});

/** The account's authorization codes, newest first. */
export const useCodes = () => useQuery(codesQuery);
