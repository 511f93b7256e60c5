// Small pictures made on the spot with sharp, and an upload helper that sends them the way a browser does.
import sharp from 'sharp';

export const png = (width = 4, height = 3) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .png()
    .toBuffer();

/** A JPEG carrying EXIF with a GPS position and a camera owner, as phones write them. */
export const jpegWithGps = () =>
  sharp({ create: { width: 16, height: 12, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Pocket 12', Artist: 'Jane Shopper' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2964/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 17/1 4012/100' },
    })
    .toBuffer();

const frame = (red: number) =>
  sharp({ create: { width: 10, height: 8, channels: 3, background: { r: red, g: 0, b: 0 } } })
    .png()
    .toBuffer();

/** A two-frame animated GIF, 10×8. */
export const animatedGif = async () =>
  sharp([await frame(255), await frame(0)], { join: { animated: true } })
    .gif({ delay: [100, 100] })
    .toBuffer();

export const webp = async () =>
  sharp(await frame(90))
    .webp()
    .toBuffer();

export async function upload(baseUrl: string, conversationId: string, token: string | undefined, data: Buffer, name = 'photo.png', type = 'image/png') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type }), name);
  const response = await fetch(`${baseUrl}/api/v1/conversations/${conversationId}/attachments`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}
