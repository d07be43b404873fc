import { visionOverridesItem } from '../../lib/settings/secure-settings';
import { takesImages } from '../../lib/vision/vision-models';
import { useStorageItem } from '../hooks/use-storage-item';

/** Whether the chat's model takes images (the user's switch, else its name), and which model that is. */
export interface VisionState {
  readonly model: string | undefined;
  readonly vision: boolean;
}

export function useVision(model: string | undefined): VisionState {
  const overrides = useStorageItem(visionOverridesItem);
  return { model, vision: model !== undefined && overrides !== undefined && takesImages(model, overrides) };
}
