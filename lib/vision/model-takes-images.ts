import { AsideError } from '../messaging/errors';
import { visionOverridesItem } from '../settings/secure-settings';
import { takesImages } from './vision-models';

/** Whether the model takes images, by the user's switch or else its name (background and pages). */
export async function modelTakesImages(model: string): Promise<boolean> {
  return takesImages(model, await visionOverridesItem.getValue());
}

/** Refuses to send images to a model not marked as reading them, naming it. */
export function visionUnsupported(model: string): AsideError {
  return new AsideError('vision-unsupported', `The model ${model} is not marked as reading images.`, {
    params: { model },
  });
}
