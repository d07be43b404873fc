import type { ChatImage } from '../../lib/vision/chat-image';
import { useI18n } from '../hooks/use-t';
import { formatBytes } from '../library/format';

/**
 * Thumbnails of a question's images, with a remove button each while they
 * are still a draft. Only base64 `data:image/` URLs are ever drawn (the
 * schema allows nothing else; checked again here): no image in Aside's chat
 * loads anything from the network.
 */
export function ImageThumbs({
  images,
  onRemove,
}: {
  images: readonly ChatImage[] | undefined;
  onRemove?: (index: number) => void;
}) {
  const { t, locale } = useI18n();
  if (!images || images.length === 0) return null;
  const size = formatBytes(
    images.reduce((sum, image) => sum + image.dataUrl.length, 0),
    locale,
  );
  return (
    <>
      {onRemove ? (
        // What goes with the question, as the context bar says what of the page does.
        <div className="muted image-summary" data-testid="image-summary">
          {images.length === 1 ? t('vision.summaryOne', { size }) : t('vision.summary', { count: images.length, size })}
        </div>
      ) : null}
      <ul className="image-thumbs" data-testid="image-thumbs">
        {images.map((image, index) =>
          image.dataUrl.startsWith('data:image/') ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list only changes by removal, which re-renders it whole
            <li key={index}>
              <img
                src={image.dataUrl}
                alt={t('vision.imageAlt', { name: image.name ?? t('vision.unnamed') })}
                title={`${image.name ?? ''} ${image.width}×${image.height}`.trim()}
                data-width={image.width}
                data-height={image.height}
              />
              {onRemove ? (
                <button
                  type="button"
                  className="ghost image-remove"
                  aria-label={t('vision.remove')}
                  title={t('vision.remove')}
                  onClick={() => onRemove(index)}
                >
                  ×
                </button>
              ) : null}
            </li>
          ) : null,
        )}
      </ul>
    </>
  );
}
