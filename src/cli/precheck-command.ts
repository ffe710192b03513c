import { z } from 'zod';
import { OrderDataSchema, SubjectSchema } from '../contracts/filing-data.ts';
import { VERIFICATION_STAGES } from '../domain/filing-data.ts';
import { FILING_TYPES } from '../domain/filing-type.ts';
import { MATERIAL_KINDS } from '../domain/material-kind.ts';
import { precheck } from '../domain/precheck/precheck.ts';

/** The file `beian precheck` reads: a draft as the API stores it, plus what is already uploaded or filed. */
export const PrecheckDraftFileSchema = z
  .object({
    type: z.enum(FILING_TYPES),
    data: OrderDataSchema,
    verificationStage: z.enum(VERIFICATION_STAGES).default('after_provider_review'),
    materials: z
      .array(
        z
          .object({
            kind: z.enum(MATERIAL_KINDS),
            websiteIndex: z.number().int().min(0).nullable().optional(),
            validUntil: z.string().nullable().optional(),
          })
          .strict(),
      )
      .default([]),
    existing: z
      .object({
        subject: SubjectSchema.optional(),
        websiteNames: z.array(z.string()).default([]),
        websiteCount: z.number().int().min(0).default(0),
      })
      .strict()
      .optional(),
  })
  .strict();

export function runPrecheckFile(json: string, now: Date) {
  const draft = PrecheckDraftFileSchema.parse(JSON.parse(json));
  const result = precheck({
    type: draft.type,
    data: draft.data,
    now,
    verificationStage: draft.verificationStage,
    materials: draft.materials,
    ...(draft.existing && { existing: draft.existing }),
  });
  return {
    blocking: result.blocking,
    findings: result.findings,
    requiredMaterials: result.requiredMaterials,
    missingMaterials: result.missingMaterials,
  };
}
