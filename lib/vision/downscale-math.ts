/** One try at encoding an image: its size in pixels and the JPEG quality. */
export interface EncodingStep {
  readonly width: number;
  readonly height: number;
  readonly quality: number;
}

/** The size that fits `maxSide` on the longest side, keeping the aspect ratio; never enlarged. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

const qualities = [0.9, 0.8, 0.7] as const;
/** Below this longest side a screenshot's text is unreadable: give up rather than send a smudge. */
const smallestSide = 512;

/**
 * The encodings to try in order until one fits the byte limit: the largest
 * allowed size at falling JPEG qualities, then three quarters of that size,
 * and so on. Quality goes first because text in a screenshot survives JPEG
 * artefacts better than losing pixels.
 */
export function encodingSteps(width: number, height: number, maxSide: number): EncodingStep[] {
  const steps: EncodingStep[] = [];
  let side = Math.min(maxSide, Math.max(width, height));
  for (;;) {
    const size = fitWithin(width, height, side);
    for (const quality of qualities) steps.push({ ...size, quality });
    if (Math.max(size.width, size.height) <= smallestSide) return steps;
    side = Math.max(smallestSide, Math.floor(Math.max(size.width, size.height) * 0.75));
  }
}
