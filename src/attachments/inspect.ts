// Checks an uploaded file by its content, never its name or declared type: the magic bytes must say JPEG, PNG,
// WebP or GIF and sharp must decode the whole image as that same format. The picture is then re-encoded, which
// drops its metadata (EXIF with GPS position, camera serials, XMP, comments); JPEGs are first turned upright
// from their EXIF orientation, since that tag goes too. Animated GIFs and WebPs stay animated. The size is read
// from the header first: too many pixels, or a side too long, is refused before any decoding, and decoding waits
// its turn at a gate that bounds the pixels decoded at once, so many large uploads cannot exhaust memory.
import { Semaphore } from 'async-mutex';
import { AppError, type AttachmentType } from '../shared/index.js';

export interface CheckedImage {
  type: AttachmentType;
  width: number;
  height: number;
  data: Buffer;
}

/** A decompression bomb (a small file of a huge picture) is refused before it is decoded: 40 megapixels at most. */
const MAX_PIXELS = 40_000_000;
/** And no side longer than this (a 40,000,000×1 picture has few pixels, but takes seconds and memory to read). */
export const MAX_SIDE = 16_384;
/** Pixels being decoded at once, all uploads together: two of the largest pictures (a few hundred MB). */
const PIXELS_AT_ONCE = 2 * MAX_PIXELS;
/** Uploads that may wait for the gate; each holds its file while it waits, so past this they are refused. */
const WAITING_AT_MOST = 16;

/** Lets pictures be decoded a few at a time, by their pixels; one per attachment service. */
export function createDecodeGate() {
  const semaphore = new Semaphore(PIXELS_AT_ONCE);
  let waiting = 0;
  return async <T>(pixels: number, decode: () => Promise<T>): Promise<T> => {
    if (waiting >= WAITING_AT_MOST) throw new AppError('unavailable', 'many pictures are being read right now; please send yours again in a moment');
    waiting++;
    const [, release] = await semaphore.acquire(Math.min(pixels, PIXELS_AT_ONCE)).finally(() => waiting--);
    try {
      return await decode();
    } finally {
      release();
    }
  };
}

export type DecodeGate = ReturnType<typeof createDecodeGate>;

const startsWith = (data: Buffer, bytes: number[], offset = 0) => bytes.every((byte, index) => data[offset + index] === byte);
const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

export function sniffImageType(data: Buffer): AttachmentType | undefined {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, ascii('GIF87a')) || startsWith(data, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return 'image/webp';
  return undefined;
}

const sharpFormat: Record<AttachmentType, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp' };

const refused = () => new AppError('unsupported_media_type', 'only JPEG, PNG, WebP and GIF pictures can be sent');

export async function checkImage(data: Buffer, gate: DecodeGate): Promise<CheckedImage> {
  const type = sniffImageType(data);
  if (!type) throw refused();
  const animated = type === 'image/gif' || type === 'image/webp';
  try {
    // Loaded on the first picture: most processes of a chat service never need the image library.
    const { default: sharp } = await import('sharp');
    const source = sharp(data, { animated, limitInputPixels: MAX_PIXELS, failOn: 'error' });
    const metadata = await source.metadata();
    if (metadata.format !== sharpFormat[type]) throw refused();
    // An animation's height is that of all its frames stacked; each frame is one page.
    const width = metadata.width ?? 0;
    const frameHeight = metadata.pageHeight ?? metadata.height ?? 0;
    const pixels = width * (metadata.height ?? 0);
    if (width > MAX_SIDE || frameHeight > MAX_SIDE || pixels > MAX_PIXELS) {
      throw new AppError('payload_too_large', `a picture can be at most ${MAX_SIDE} pixels wide and high, and 40 megapixels`);
    }
    const pipeline =
      type === 'image/jpeg'
        ? source.rotate().jpeg({ quality: 90, mozjpeg: true })
        : type === 'image/png'
          ? source.png({ compressionLevel: 9 })
          : type === 'image/webp'
            ? source.webp({ quality: 90 })
            : source.gif();
    // No withMetadata(): the output carries no EXIF, XMP or ICC comments from the upload.
    const { data: cleaned, info } = await gate(pixels, () => pipeline.toBuffer({ resolveWithObject: true }));
    const height = (info as { pageHeight?: number }).pageHeight ?? info.height;
    return { type, width: info.width, height, data: cleaned };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('unsupported_media_type', 'this picture could not be read; send a JPEG, PNG, WebP or GIF');
  }
}
