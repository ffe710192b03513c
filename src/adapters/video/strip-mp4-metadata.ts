/**
 * Removes container metadata from an MP4 / QuickTime (ISO-BMFF) file in place, without a transcoder.
 *
 * Phones record where and with what a video was taken in metadata boxes: QuickTime `moov/udta/©xyz` (ISO 6709
 * location), `©mak`/`©mod` (device), `moov/meta` (Apple's `com.apple.quicktime.location.ISO6709` keys), XMP in a
 * `uuid` box, and per-track `udta`/`meta`. Each such box is overwritten by a `free` box of the same size with
 * zeroed content, so no byte of it survives and every other box keeps its offset: the chunk offsets
 * (`stco`/`co64`) stay valid whether the `moov` comes before or after the `mdat`, and players skip `free`.
 * Creation and modification times in `mvhd`/`tkhd`/`mdhd` are zeroed too (0 means "unknown" in the format).
 *
 * Returns a new buffer; the input is not modified. Throws MalformedMp4Error if the top-level boxes do not tile
 * the file, because metadata could then hide where the walk cannot see.
 */
export class MalformedMp4Error extends Error {}

/** Boxes whose children are boxes, walked to find metadata inside them. */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts', 'dinf', 'moof', 'traf', 'mvex']);
/** Metadata boxes, wherever they occur in the walked tree. */
/** `uuid` boxes are all blanked: XMP is one, and a phone recording needs none of the others to play. */
const METADATA = new Set(['udta', 'meta', 'ilst', 'keys', 'XMP_', 'uuid']);
/** Boxes with creation_time and modification_time right after version and flags. */
const TIMED_HEADERS = new Set(['mvhd', 'tkhd', 'mdhd']);

type Box = { type: string; start: number; headerSize: number; end: number };

function readBoxes(buf: Buffer, from: number, to: number): Box[] | undefined {
  const boxes: Box[] = [];
  let at = from;
  while (at < to) {
    if (to - at < 8) return undefined;
    let size = buf.readUInt32BE(at);
    let headerSize = 8;
    if (size === 1) {
      if (to - at < 16) return undefined;
      const large = buf.readBigUInt64BE(at + 8);
      if (large > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
      size = Number(large);
      headerSize = 16;
    } else if (size === 0) {
      size = to - at; // "to the end of the enclosing space"
    }
    if (size < headerSize || at + size > to) return undefined;
    boxes.push({ type: buf.toString('latin1', at + 4, at + 8), start: at, headerSize, end: at + size });
    at += size;
  }
  return boxes;
}

/** Turns the box into a `free` box of the same size and zeroes what it held. */
function blank(buf: Buffer, box: Box): void {
  buf.write('free', box.start + 4, 'latin1');
  buf.fill(0, box.start + box.headerSize, box.end);
}

function zeroTimes(buf: Buffer, box: Box): void {
  const body = box.start + box.headerSize;
  if (box.end - body < 4) return;
  const width = buf[body] === 1 ? 8 : 4;
  if (box.end - body < 4 + 2 * width) return;
  buf.fill(0, body + 4, body + 4 + 2 * width);
}

function walk(buf: Buffer, boxes: Box[]): number {
  let removed = 0;
  for (const box of boxes) {
    // `©xyz`, `©mak`, `©day`…: QuickTime user-data atoms start with the copyright sign (0xA9).
    if (METADATA.has(box.type) || box.type.charCodeAt(0) === 0xa9) {
      blank(buf, box);
      removed++;
    } else if (TIMED_HEADERS.has(box.type)) {
      zeroTimes(buf, box);
    } else if (CONTAINERS.has(box.type)) {
      const children = readBoxes(buf, box.start + box.headerSize, box.end);
      // Children that do not parse cannot be searched for metadata; blanking the container would break
      // playback, so the file is refused instead.
      if (!children) throw new MalformedMp4Error(`malformed ${box.type} box at ${box.start}`);
      removed += walk(buf, children);
    }
  }
  return removed;
}

export function stripMp4Metadata(input: Buffer): { bytes: Buffer; removedBoxes: number } {
  const buf = Buffer.from(input);
  const top = readBoxes(buf, 0, buf.length);
  if (top?.[0]?.type !== 'ftyp') throw new MalformedMp4Error('not an ISO-BMFF box sequence');
  const removedBoxes = walk(buf, top);
  return { bytes: buf, removedBoxes };
}
