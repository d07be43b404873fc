import { useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { AsideError, type SerializedError } from '../../lib/messaging/errors';
import { type ChatImage, imageLimits } from '../../lib/vision/chat-image';
import { prepareImage } from '../../lib/vision/downscale-image';
import type { VisionState } from './use-vision';

/**
 * The images waiting to go with the next question: screenshots of the tab and
 * pictures pasted or dropped into the composer, each downscaled on arrival.
 * Nothing is taken for a model that does not read images: the user is told why.
 */
export function useImageAttachments(vision: VisionState) {
  const [images, setImages] = useState<ChatImage[]>([]);
  const [error, setError] = useState<SerializedError | null>(null);
  const [busy, setBusy] = useState(false);
  // The list as of the last change, for counting while several images are being prepared.
  const latest = useRef(images);

  const refuse = (thrown: unknown) => setError(AsideError.from(thrown).toJSON());
  const add = async (produce: () => Promise<ChatImage>[]) => {
    setError(null);
    if (!vision.vision) {
      refuse(
        new AsideError('vision-unsupported', 'This model reads no images.', { params: { model: vision.model ?? '' } }),
      );
      return;
    }
    setBusy(true);
    try {
      // Each image is prepared on its own: one unreadable file does not lose the others.
      const prepared: ChatImage[] = [];
      for (const result of await Promise.allSettled(produce())) {
        if (result.status === 'fulfilled') prepared.push(result.value);
        else refuse(result.reason);
      }
      const room = imageLimits.maxImages - latest.current.length;
      if (prepared.length > room) refuse(new AsideError('too-many-images', 'Too many images for one question.'));
      const kept = prepared.slice(0, Math.max(0, room));
      latest.current = [...latest.current, ...kept];
      setImages(latest.current);
    } finally {
      setBusy(false);
    }
  };

  /** Takes image files (pasted or dropped); returns whether there were any, so other files go elsewhere. */
  const takeFiles = (files: readonly File[]): boolean => {
    const pictures = files.filter((file) => file.type.startsWith('image/'));
    if (pictures.length === 0) return false;
    void add(() => pictures.map((file) => prepareImage(file, 'file', file.name)));
    return true;
  };

  /** The visible part of the panel window's active tab (needs the `<all_urls>` host permission Aside has). */
  const screenshot = (title: string) =>
    add(() => [
      (async () => {
        let dataUrl: string;
        try {
          dataUrl = await browser.tabs.captureVisibleTab({ format: 'png' });
        } catch (thrown) {
          throw new AsideError('screenshot-failed', `The tab could not be captured: ${String(thrown)}`);
        }
        return prepareImage(blobOf(dataUrl), 'screenshot', title);
      })(),
    ]);

  return {
    images,
    error,
    busy,
    screenshot,
    takeFiles,
    remove: (index: number) => {
      latest.current = latest.current.filter((_, at) => at !== index);
      setImages(latest.current);
    },
    clear: () => {
      latest.current = [];
      setImages([]);
      setError(null);
    },
    dismissError: () => setError(null),
  };
}

/** A data URL's bytes as a Blob, decoded here rather than fetched. */
function blobOf(dataUrl: string): Blob {
  const [head = '', base64 = ''] = dataUrl.split(',', 2);
  const type = /^data:([^;]+)/.exec(head)?.[1] ?? 'image/png';
  return new Blob([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], { type });
}
