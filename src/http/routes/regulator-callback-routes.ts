import type { FastifyPluginAsync } from 'fastify';
import { verifyCallbackSignature } from '../../adapters/regulator/callback-signature.ts';
import type { AppContext } from '../../app-context.ts';
import {
  CALLBACK_REPLAY_WINDOW_SECONDS,
  RegulatorCallbackSchema,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from '../../contracts/regulator-protocol.ts';
import { DomainError } from '../../domain/errors.ts';
import { syncByRegulatorRef } from '../../use-cases/regulator/sync-regulator-status.ts';

/**
 * The regulator's signed "this order changed" notices (POST /api/v1/regulator/callbacks). The signature covers the
 * raw body and a timestamp inside the replay window; the handler then pulls the status itself, so a duplicate,
 * late or out-of-order callback changes nothing, and a lost one is recovered by the poller.
 */
export const regulatorCallbackRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Keep the exact bytes: the signature is over them, not over a re-serialised object.
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) =>
    done(null, body),
  );

  app.post('/callbacks', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const rawBody = typeof request.body === 'string' ? request.body : '';
    const check = verifyCallbackSignature({
      secret: ctx.config.REGULATOR_CALLBACK_SECRET,
      timestampHeader: request.headers[TIMESTAMP_HEADER] as string | undefined,
      signatureHeader: request.headers[SIGNATURE_HEADER] as string | undefined,
      rawBody,
      nowSeconds: Math.floor(ctx.clock.now().getTime() / 1000),
      windowSeconds: CALLBACK_REPLAY_WINDOW_SECONDS,
    });
    if (!check.ok) {
      request.log.warn({ reason: check.reason }, 'regulator callback refused');
      throw new DomainError('CALLBACK_SIGNATURE_INVALID', { details: { reason: check.reason } });
    }
    let parsed: ReturnType<typeof RegulatorCallbackSchema.safeParse>;
    try {
      parsed = RegulatorCallbackSchema.safeParse(JSON.parse(rawBody));
    } catch {
      throw new DomainError('VALIDATION_FAILED');
    }
    if (!parsed.success) throw new DomainError('VALIDATION_FAILED');
    await syncByRegulatorRef(ctx, parsed.data.regulatorRef);
    return reply.status(204).send();
  });
};
