import { AsideError } from '../messaging/errors';
import { type ChatImage, imageLimits } from './chat-image';
import { encodingSteps } from './downscale-math';

/** What the composer takes: the formats vision providers document (a GIF sends its first frame). */
export const acceptedImageTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

export function isAcceptedImage(type: string): boolean {
  return (acceptedImageTypes as readonly string[]).includes(type);
}

/**
 * Decodes an image and re-encodes it as JPEG within the providers' limits
 * (imageLimits), on an OffscreenCanvas. Re-encoding always also drops what a
 * file may carry besides pixels (EXIF location, a GIF's other frames).
 * Runs in an extension page (the side panel).
 */
export async function prepareImage(blob: Blob, source: ChatImage['source'], name?: string): Promise<ChatImage> {
  if (!isAcceptedImage(blob.type)) {
    throw new AsideError('image-unsupported', `Not a PNG, JPEG, WebP or GIF image (${blob.type || 'unknown type'}).`, {
      params: { type: blob.type || '?' },
    });
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    throw new AsideError('image-unreadable', 'The image could not be decoded.');
  }
  try {
    for (const step of encodingSteps(bitmap.width, bitmap.height, imageLimits.maxSide)) {
      const canvas = new OffscreenCanvas(step.width, step.height);
      const context = canvas.getContext('2d');
      if (!context) throw new AsideError('image-unreadable', 'No 2D canvas to draw the image on.');
      // JPEG has no transparency: transparent pixels become white, not black.
      context.fillStyle = '#fff';
      context.fillRect(0, 0, step.width, step.height);
      context.imageSmoothingQuality = 'high';
      context.drawImage(bitmap, 0, 0, step.width, step.height);
      const encoded = await canvas.convertToBlob({ type: 'image/jpeg', quality: step.quality });
      if (encoded.size <= imageLimits.maxBytes) {
        return {
          dataUrl: await dataUrlOf(encoded),
          width: step.width,
          height: step.height,
          bytes: encoded.size,
          source,
          ...(name ? { name: name.slice(0, 300) } : {}),
        };
      }
    }
  } finally {
    bitmap.close();
  }
  throw new AsideError('image-too-large', 'The image stays over the size limit even when scaled down.');
}

function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new AsideError('image-unreadable', 'The image could not be read.'));
    reader.readAsDataURL(blob);
  });
}
