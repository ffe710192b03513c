import type { PreApprovalType } from '../filing-data.ts';
import type { MaterialCondition } from '../province/rules/types.ts';
import type { RequiredMaterialsInput } from './required-materials.ts';

/** Order-level conditions of provincial extra materials (MaterialCondition), evaluated on the material input. */

const declares = (input: RequiredMaterialsInput, preApproval?: PreApprovalType) =>
  input.websites.some((w) => (w.preApprovals ?? []).some((p) => preApproval === undefined || p === preApproval));

export function orderConditionHolds(input: RequiredMaterialsInput, when: MaterialCondition): boolean {
  switch (when.kind) {
    case 'always':
      return true;
    case 'subject_already_filed':
      // The subject holds a number when the order adds to a filed subject, or already has other websites.
      return input.type !== 'first_filing' || input.subjectWebsiteCountAfter > input.websites.length;
    case 'subject_websites_over':
      return input.subjectWebsiteCountAfter > when.threshold;
    case 'subject_domains_over':
      return (input.subjectDomainCountAfter ?? input.subjectWebsiteCountAfter) > when.threshold;
    case 'no_pre_approval_declared':
      return !declares(input, when.preApproval);
    case 'pre_approval_declared':
      return declares(input);
    case 'name_mentions': {
      const names = [input.sponsorName ?? '', ...input.websites.map((w) => w.name ?? '')];
      return names.some((n) => when.words.some((word) => n.includes(word)));
    }
  }
}
