import { z } from 'zod';

/**
 * The formats a provider reliably accepts as an `image_url` data URL. Aside
 * re-encodes every image it sends (downscale-image.ts), so stored images are
 * JPEG; the others are accepted so the schema does not depend on that choice.
 */
const dataUrlPattern = /^data:image\/(jpeg|png|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$/;

/** Limits the side panel downscales to (see README, "Screenshots and images"). */
export const imageLimits = {
  /** Longest side in pixels: OpenAI scales larger images down to fit 2048×2048 anyway. */
  maxSide: 2048,
  /** Encoded bytes per image: as base64 (×4/3) it stays under Zhipu GLM-4V's 5 MB and Qwen-VL's 10 MB. */
  maxBytes: 3_500_000,
  /** Images per question. */
  maxImages: 4,
} as const;

/** An image the user attached to a question (a screenshot, or a pasted or dropped picture). */
export const chatImageSchema = z.object({
  /** Only ever a base64 data URL: a stored or sent image never names a remote address. */
  dataUrl: z
    .string()
    .max(Math.ceil((imageLimits.maxBytes * 4) / 3) + 64)
    .regex(dataUrlPattern),
  width: z.number().int().positive().max(imageLimits.maxSide),
  height: z.number().int().positive().max(imageLimits.maxSide),
  /** Encoded size in bytes. */
  bytes: z.number().int().positive().max(imageLimits.maxBytes),
  source: z.enum(['screenshot', 'file']),
  /** The file's name, or the tab's title for a screenshot. */
  name: z.string().max(300).optional(),
});

export type ChatImage = z.infer<typeof chatImageSchema>;

export const chatImagesSchema = z.array(chatImageSchema).min(1).max(imageLimits.maxImages);
