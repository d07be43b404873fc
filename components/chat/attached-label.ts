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
  if (screenshots === 1) labels.push(t('context.withScreenshot'));
  if (screenshots > 1) labels.push(t('context.withScreenshots', { count: screenshots }));
  if (pictures === 1) labels.push(t('context.withImage'));
  if (pictures > 1) labels.push(t('context.withImages', { count: pictures }));
  const [only] = files;
  if (only && files.length === 1) labels.push(t('context.withFile', { name: only.name }));
  if (files.length > 1) labels.push(t('context.withFiles', { count: files.length }));
  return labels;
}
