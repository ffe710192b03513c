import { describe, expect, it } from 'vitest';
import { MalformedMp4Error, stripMp4Metadata } from './strip-mp4-metadata.ts';

const box = (type: string, ...content: Buffer[]): Buffer => {
  const body = Buffer.concat(content);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
};
/** A 64-bit sized box (size field 1, largesize after the type). */
const largeBox = (type: string, body: Buffer): Buffer => {
  const header = Buffer.alloc(16);
  header.writeUInt32BE(1);
  header.write(type, 4, 'latin1');
  header.writeBigUInt64BE(BigInt(16 + body.length), 8);
  return Buffer.concat([header, body]);
};
const u32 = (...values: number[]) => Buffer.concat(values.map((v) => Buffer.from([v >>> 24, v >>> 16, v >>> 8, v])));
const latin1 = (s: string) => Buffer.from(s, 'latin1');

const CREATED = 0xe1234567;
/** mvhd/tkhd/mdhd version 0: version+flags, creation_time, modification_time, then the rest. */
const timedHeader = (type: string, rest: number) => box(type, u32(0, CREATED, CREATED + 1), Buffer.alloc(rest, 0x11));
const GPS = '+39.9042+116.4074/';
const XMP_UUID = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');

/** A hand-built phone-style MP4: moov before mdat, GPS and device in moov/udta, per-track udta, meta, XMP. */
function phoneMp4(): { file: Buffer; mdatPayload: Buffer; stco: Buffer } {
  const mdatPayload = Buffer.alloc(2048, 0x5a);
  const stcoEntries = u32(0, 2, 1000, 2000); // version+flags, count, offsets: must not change
  const stco = box('stco', stcoEntries);
  const trak = box(
    'trak',
    timedHeader('tkhd', 72),
    box('udta', box('\xa9xyz', u32(0x00120000), latin1(GPS))),
    box('mdia', timedHeader('mdhd', 8), box('minf', box('stbl', box('stsd', u32(0, 0)), stco))),
  );
  const moov = box(
    'moov',
    timedHeader('mvhd', 88),
    trak,
    box(
      'udta',
      box('\xa9xyz', u32(0x00120000), latin1(GPS)),
      box('\xa9mak', latin1('Apple')),
      box('\xa9mod', latin1('iPhone 15')),
    ),
    box('meta', u32(0), box('hdlr', Buffer.alloc(24)), box('keys', latin1('com.apple.quicktime.location.ISO6709'))),
  );
  const file = Buffer.concat([
    box('ftyp', latin1('isom'), u32(0), latin1('isomiso2mp41')),
    moov,
    box('uuid', XMP_UUID, latin1('<x:xmpmeta><exif:GPSLatitude>39,54N</exif:GPSLatitude>')),
    largeBox('mdat', mdatPayload),
  ]);
  return { file, mdatPayload, stco };
}

const types = (buf: Buffer, from = 0, to = buf.length): string[] => {
  const out: string[] = [];
  for (let at = from; at < to; ) {
    let size = buf.readUInt32BE(at);
    if (size === 1) size = Number(buf.readBigUInt64BE(at + 8));
    if (size === 0) size = to - at;
    out.push(buf.toString('latin1', at + 4, at + 8));
    at += size;
  }
  return out;
};

describe('stripMp4Metadata', () => {
  it('blanks GPS, device, meta and XMP boxes and keeps every other byte where it was', () => {
    const { file, mdatPayload, stco } = phoneMp4();
    expect(file.includes(latin1(GPS))).toBe(true);
    const { bytes, removedBoxes } = stripMp4Metadata(file);

    for (const secret of [GPS, 'Apple', 'iPhone 15', 'location.ISO6709', 'GPSLatitude', '\xa9xyz', '\xa9mak']) {
      expect(bytes.includes(latin1(secret)), secret).toBe(false);
    }
    expect(removedBoxes).toBe(4); // trak/udta, moov/udta, moov/meta and the XMP uuid
    // Same size, same layout: chunk offsets stay valid without rewriting stco.
    expect(bytes.length).toBe(file.length);
    expect(types(bytes)).toEqual(['ftyp', 'moov', 'free', 'mdat']);
    const moovStart = file.indexOf(latin1('moov')) - 4;
    const moovEnd = moovStart + file.readUInt32BE(moovStart);
    expect(types(bytes, moovStart + 8, moovEnd)).toEqual(['mvhd', 'trak', 'free', 'free']);
    expect(bytes.includes(stco)).toBe(true);
    expect(bytes.subarray(bytes.length - mdatPayload.length).equals(mdatPayload)).toBe(true);
    expect(bytes.subarray(0, 32).equals(file.subarray(0, 32))).toBe(true);
    // Creation and modification times are zeroed, the rest of the headers kept.
    expect(bytes.includes(u32(CREATED))).toBe(false);
    expect(file.includes(u32(CREATED))).toBe(true);
    // The input is not modified.
    expect(file.includes(latin1(GPS))).toBe(true);
  });

  it('leaves a file without metadata byte for byte', () => {
    const file = Buffer.concat([box('ftyp', latin1('mp42'), u32(0)), box('mdat', Buffer.alloc(64, 1))]);
    const { bytes, removedBoxes } = stripMp4Metadata(file);
    expect(removedBoxes).toBe(0);
    expect(bytes.equals(file)).toBe(true);
  });

  it('accepts an mdat that runs to the end of the file (size 0)', () => {
    const mdat = Buffer.concat([u32(0), latin1('mdat'), Buffer.alloc(100, 2)]);
    const file = Buffer.concat([box('ftyp', latin1('qt  '), u32(0)), box('udta', box('\xa9xyz', latin1(GPS))), mdat]);
    const { bytes } = stripMp4Metadata(file);
    expect(types(bytes).slice(0, 2)).toEqual(['ftyp', 'free']);
    expect(bytes.includes(latin1(GPS))).toBe(false);
  });

  it.each([
    ['a box past the end', () => Buffer.concat([box('ftyp', latin1('isom')), u32(4096), latin1('mdat')])],
    ['no ftyp first', () => box('mdat', Buffer.alloc(8))],
    ['a broken moov child', () => Buffer.concat([box('ftyp', latin1('isom')), box('moov', u32(999), latin1('trak'))])],
    ['a size smaller than its header', () => Buffer.concat([box('ftyp', latin1('isom')), u32(4), latin1('free')])],
  ])('refuses %s', (_name, make) => {
    expect(() => stripMp4Metadata(make())).toThrow(MalformedMp4Error);
  });
});
