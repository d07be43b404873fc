import { useT } from '../hooks/use-t';
import { Icon } from '../ui/icon';
import type { VisionState } from './use-vision';

/**
 * Captures the visible part of the tab for the next question. Off for a model
 * that reads no images, and says why (tooltip and accessible description).
 */
export function ScreenshotButton({
  vision,
  busy,
  onCapture,
}: {
  vision: VisionState;
  busy: boolean;
  onCapture: () => void;
}) {
  const t = useT();
  const reason = vision.vision
    ? busy
      ? t('vision.working')
      : t('vision.screenshotHint')
    : vision.model
      ? t('vision.off', { model: vision.model })
      : t('vision.noModel');
  return (
    <button
      type="button"
      className="ghost screenshot-button"
      aria-label={t('vision.screenshot')}
      aria-description={reason}
      title={reason}
      data-testid="screenshot"
      disabled={!vision.vision || busy}
      onClick={onCapture}
    >
      <Icon name="camera" />
    </button>
  );
}
