import type { Translate } from '../../lib/i18n/translate';
import type { ChatImage } from '../../lib/vision/chat-image';

/** What goes with the next question besides the page: the composer's images and files (those not refused). */
export interface Attached {
  readonly images: readonly Pick<ChatImage, 'source'>[];
  readonly files: readonly { readonly name: string }[];
}

/**
 * The context bar's names for what goes with the question besides the page:
 * "+ screenshot", "+ 2 images", "+ file report.docx", "+ 3 files". Screenshots
 * and pictures are named apart, since a screenshot is of the page itself.
 */
export function attachedLabels({ images, files }: Attached, t: Translate): string[] {
  const screenshots = images.filter((image) => image.source === 'screenshot').length;
  const pictures = images.length - screenshots;
  const labels: string[] = [];
  // A count of 1 takes each key's One form ("+ screenshot", "+ file report.docx").
  if (screenshots > 0) labels.push(t('context.withScreenshots', { count: screenshots }));
  if (pictures > 0) labels.push(t('context.withImages', { count: pictures }));
  const [first] = files;
  if (first) labels.push(t('context.withFiles', { count: files.length, name: first.name }));
  return labels;
}
