import { z } from 'zod';
import { safeString } from './safe-string.ts';

/** The anonymous lookup of filings made here (domain.md §8.7). */
export const PublicRecordSchema = z
  .object({
    subject: z
      .object({
        name: z.string(),
        type: z.string(),
        typeLabel: z.string(),
        number: z.string(),
        province: z.string(),
        provinceName: z.string(),
        approvedAt: z.iso.datetime(),
      })
      .strict(),
    websites: z.array(
      z.object({ name: z.string(), domain: z.string(), number: z.string(), approvedAt: z.iso.datetime() }).strict(),
    ),
  })
  .strict();

export const LookupResponseSchema = z.object({ items: z.array(PublicRecordSchema) }).strict();

export const LookupQuerySchema = z
  .object({
    domain: safeString().max(300).optional(),
    number: safeString().max(40).optional(),
    subject: safeString().max(100).optional(),
  })
  .strict();
