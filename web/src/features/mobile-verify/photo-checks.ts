/**
 * Checks the phone makes before it uploads a verification photo. They are a pre-check only, to catch the usual
 * mistakes early (too big, too dark, nobody in the picture); the provider's reviewer decides on the photo.
 * Pure functions over RGBA pixels so they can be tested with synthetic images.
 */
export type Pixels = { data: Uint8ClampedArray; width: number; height: number };

export const BRIGHTNESS = { min: 60, max: 210 } as const;
/** Share of skin-coloured pixels in the centre region that counts as "a face-sized region is present". */
export const FACE_MIN_SHARE = 0.08;

/** Mean luma (Rec. 601) of the image, 0–255. */
export function meanLuminance({ data }: Pixels): number {
  let sum = 0;
  const n = data.length / 4;
  if (n === 0) return 0;
  for (let i = 0; i < data.length; i += 4) sum += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
  return sum / n;
}

export type BrightnessVerdict = 'too_dark' | 'too_bright' | 'ok';
export const brightnessVerdict = (mean: number): BrightnessVerdict =>
  mean < BRIGHTNESS.min ? 'too_dark' : mean > BRIGHTNESS.max ? 'too_bright' : 'ok';

/** A widely used RGB skin-tone rule (Peer et al.), good enough for "is someone there". */
export const isSkinTone = (r: number, g: number, b: number): boolean =>
  r > 95 && g > 40 && b > 20 && Math.max(r, g, b) - Math.min(r, g, b) > 15 && Math.abs(r - g) > 15 && r > g && r > b;

/**
 * Share of skin-tone pixels in the centre region where the face of an upper-body photo sits (the middle half of
 * the width, from 10 % to 65 % of the height).
 */
export function centreSkinShare({ data, width, height }: Pixels): number {
  const x0 = Math.floor(width * 0.25);
  const x1 = Math.ceil(width * 0.75);
  const y0 = Math.floor(height * 0.1);
  const y1 = Math.ceil(height * 0.65);
  let skin = 0;
  let total = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * width + x) * 4;
      total += 1;
      if (isSkinTone(data[i]!, data[i + 1]!, data[i + 2]!)) skin += 1;
    }
  }
  return total === 0 ? 0 : skin / total;
}

export const faceRegionPresent = (p: Pixels): boolean => centreSkinShare(p) >= FACE_MIN_SHARE;

export type FileVerdict = 'ok' | 'too_large' | 'wrong_type' | 'empty';
export function fileVerdict(file: { size: number; type: string }, maxBytes: number, accepted: readonly string[]) {
  if (file.size === 0) return 'empty' as const;
  if (file.type && !accepted.includes(file.type)) return 'wrong_type' as const;
  if (file.size > maxBytes) return 'too_large' as const;
  return 'ok' as const;
}

export type PhotoReport = {
  brightness: number;
  brightnessVerdict: BrightnessVerdict;
  faceShare: number;
  face: boolean;
};

export function analyse(p: Pixels): PhotoReport {
  const brightness = meanLuminance(p);
  const faceShare = centreSkinShare(p);
  return {
    brightness,
    brightnessVerdict: brightnessVerdict(brightness),
    faceShare,
    face: faceShare >= FACE_MIN_SHARE,
  };
}

/** Decodes the file and reads its pixels at a small size (256 px on the long side) through a canvas. */
export async function readPixels(file: Blob, longSide = 256): Promise<Pixels> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, longSide / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2d canvas');
  g.drawImage(bitmap, 0, 0, width, height);
  bitmap.close?.();
  const img = g.getImageData(0, 0, width, height);
  return { data: img.data, width, height };
}
