import type { FastifyReply } from 'fastify';

/**
 * Serves stored bytes so a browser can never run them: always an attachment, no sniffing, sandboxed, not cached.
 * The file name is chosen by the server (RFC 6266), never the uploader's name.
 */
export function sendMaterial(
  reply: FastifyReply,
  m: { bytes: Uint8Array; contentType: string; kind: string; id: string },
) {
  const ext = m.contentType === 'image/png' ? 'png' : m.contentType.startsWith('video/') ? 'mp4' : 'jpg';
  return reply
    .header('Content-Type', m.contentType)
    .header('Content-Disposition', `attachment; filename="${m.kind}-${m.id}.${ext}"`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', 'sandbox')
    .header('Cache-Control', 'no-store')
    .send(Buffer.from(m.bytes));
}
