import { z } from 'zod';
import { PERSON_ID_TYPES } from '../domain/filing-data.ts';

/**
 * The provider's real-name registry interface as the platform calls it (docs/integrations/real-name-registry.md):
 * `GET {REAL_NAME_URL}/accounts/{accountId}/real-name` with `Authorization: Bearer {REAL_NAME_TOKEN}`. Shared by
 * the HTTP adapter and the stand-in server the tests run.
 */
export const realNamePath = (accountId: string) => `/accounts/${encodeURIComponent(accountId)}/real-name`;

const isoDateTime = z.iso.datetime({ offset: true });

export const RealNameAnswerSchema = z.discriminatedUnion('status', [
  z.object({ accountId: z.string(), status: z.literal('unverified') }),
  z.discriminatedUnion('kind', [
    z.object({
      accountId: z.string(),
      status: z.literal('verified'),
      kind: z.literal('individual'),
      name: z.string().min(1).max(100),
      idType: z.enum(PERSON_ID_TYPES),
      idNumber: z.string().min(1).max(40),
      verifiedAt: isoDateTime,
    }),
    z.object({
      accountId: z.string(),
      status: z.literal('verified'),
      kind: z.literal('unit'),
      name: z.string().min(1).max(200),
      uscc: z.string().min(1).max(40),
      verifiedAt: isoDateTime,
    }),
  ]),
]);
export type RealNameAnswer = z.infer<typeof RealNameAnswerSchema>;
