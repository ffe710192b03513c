import { describe, expect, it } from 'vitest';
import {
  analyse,
  brightnessVerdict,
  centreSkinShare,
  faceRegionPresent,
  fileVerdict,
  meanLuminance,
  type Pixels,
} from './photo-checks.ts';

/** A synthetic RGBA image: `fill(x, y)` gives each pixel's colour. */
function image(width: number, height: number, fill: (x: number, y: number) => [number, number, number]): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = fill(x, y);
      data.set([r, g, b, 255], (y * width + x) * 4);
    }
  return { data, width, height };
}

const BLUE_CURTAIN: [number, number, number] = [31, 95, 191];
const SKIN: [number, number, number] = [224, 172, 140];

describe('pre-upload photo checks', () => {
  it('measures mean luminance', () => {
    expect(meanLuminance(image(4, 4, () => [0, 0, 0]))).toBe(0);
    expect(meanLuminance(image(4, 4, () => [255, 255, 255]))).toBeCloseTo(255, 5);
    expect(meanLuminance(image(4, 4, () => [100, 100, 100]))).toBeCloseTo(100, 5);
  });

  it('calls a dark photo too dark, an overexposed one too bright, a normal one ok', () => {
    expect(brightnessVerdict(meanLuminance(image(8, 8, () => [20, 20, 25])))).toBe('too_dark');
    expect(brightnessVerdict(meanLuminance(image(8, 8, () => [250, 250, 245])))).toBe('too_bright');
    expect(brightnessVerdict(meanLuminance(image(8, 8, () => [120, 130, 140])))).toBe('ok');
  });

  it('finds a face-sized skin region in the centre, and none on a bare curtain', () => {
    const w = 120;
    const h = 160;
    const withFace = image(w, h, (x, y) =>
      (x - 60) ** 2 / 22 ** 2 + (y - 55) ** 2 / 30 ** 2 <= 1 ? SKIN : BLUE_CURTAIN,
    );
    const bare = image(w, h, () => BLUE_CURTAIN);
    expect(centreSkinShare(withFace)).toBeGreaterThan(0.2);
    expect(faceRegionPresent(withFace)).toBe(true);
    expect(centreSkinShare(bare)).toBe(0);
    expect(faceRegionPresent(bare)).toBe(false);
    // A face in a corner is not where the pose asks for it.
    const corner = image(w, h, (x, y) => (x < 15 && y > 140 ? SKIN : BLUE_CURTAIN));
    expect(faceRegionPresent(corner)).toBe(false);
  });

  it('reports all checks together', () => {
    const r = analyse(image(40, 40, () => SKIN));
    expect(r.brightnessVerdict).toBe('ok');
    expect(r.face).toBe(true);
  });

  it('checks file size and declared type against the server limits', () => {
    const accepted = ['image/jpeg', 'image/png'];
    expect(fileVerdict({ size: 1000, type: 'image/jpeg' }, 5000, accepted)).toBe('ok');
    expect(fileVerdict({ size: 6000, type: 'image/jpeg' }, 5000, accepted)).toBe('too_large');
    expect(fileVerdict({ size: 1000, type: 'image/gif' }, 5000, accepted)).toBe('wrong_type');
    expect(fileVerdict({ size: 0, type: 'image/png' }, 5000, accepted)).toBe('empty');
  });
});
