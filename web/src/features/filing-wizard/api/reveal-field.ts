import { RevealResponseSchema } from '../../../../../src/contracts/order-api.ts';
import { api } from '../../../api/client.ts';

/**
 * The owner's own unmasked value of one saved personal-data field (audited by the server). The wizard needs it
 * when "同主体负责人" copies a subject person that the server showed masked: copying the stars would save them.
 */
export const revealField = (orderId: string, path: string) =>
  api(`/applicant/orders/${encodeURIComponent(orderId)}/reveal`, RevealResponseSchema, {
    method: 'POST',
    body: { path, reason: 'copy for same-as-subject responsible person' },
  }).then((r) => r.value);
