import { z } from 'zod';
import { SubjectSchema, WebsiteSchema } from './filing-data.ts';

/** 备案管理: the account's filed subject and websites with their numbers. */
export const AccountRecordsSchema = z.object({
  subject: z
    .object({
      id: z.string(),
      icpNumber: z.string(),
      province: z.string(),
      subjectType: z.string(),
      name: z.string(),
      approvedAt: z.string(),
      data: SubjectSchema,
    })
    .nullable(),
  websites: z.array(
    z.object({
      id: z.string(),
      icpNumber: z.string(),
      domain: z.string(),
      name: z.string(),
      status: z.string(),
      approvedAt: z.string(),
      data: WebsiteSchema,
    }),
  ),
});
export type AccountRecords = z.infer<typeof AccountRecordsSchema>;
