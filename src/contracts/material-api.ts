/**
 * What the browser needs to know about material uploads before it sends one: the kinds (pure re-export of the
 * domain vocabulary) and the server's default limits (config UPLOAD_MAX_BYTES / UPLOAD_MAX_PIXELS; an operator may
 * change them, and the server's answer is then what counts).
 */
export {
  AUTHENTICITY_MATERIAL_KINDS,
  CERTIFICATE_MATERIAL_KINDS,
  MATERIAL_KIND_LABELS,
  MATERIAL_KINDS,
  type MaterialKind,
  PER_WEBSITE_MATERIAL_KINDS,
} from '../domain/material-kind.ts';

/** Image types the upload accepts (checked by magic bytes on the server; the browser checks the declared type). */
export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_UPLOAD_MAX_PIXELS = 40_000_000;
/** Verification videos may be five times the image limit. */
export const VIDEO_SIZE_FACTOR = 5;
