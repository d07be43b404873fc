import { describe, expect, it } from 'vitest';
import { encodingSteps, fitWithin } from './downscale-math';

describe('fitWithin', () => {
  it('scales the longest side down to the limit, keeping the aspect ratio', () => {
    expect(fitWithin(4000, 3000, 2048)).toEqual({ width: 2048, height: 1536 });
    expect(fitWithin(1000, 5000, 2048)).toEqual({ width: 410, height: 2048 });
    expect(fitWithin(2400, 1200, 2048)).toEqual({ width: 2048, height: 1024 });
  });

  it('never enlarges, and keeps at least one pixel', () => {
    expect(fitWithin(800, 600, 2048)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10_000, 1, 2048)).toEqual({ width: 2048, height: 1 });
  });
});

describe('encodingSteps', () => {
  it('tries falling qualities at the largest allowed size first', () => {
    const steps = encodingSteps(4000, 3000, 2048);
    expect(steps.slice(0, 3)).toEqual([
      { width: 2048, height: 1536, quality: 0.9 },
      { width: 2048, height: 1536, quality: 0.8 },
      { width: 2048, height: 1536, quality: 0.7 },
    ]);
    expect(steps[3]).toEqual({ width: 1536, height: 1152, quality: 0.9 });
  });

  it('shrinks by quarters down to 512 pixels on the longest side, then stops', () => {
    const sides = encodingSteps(4000, 3000, 2048).map((step) => Math.max(step.width, step.height));
    expect([...new Set(sides)]).toEqual([2048, 1536, 1152, 864, 648, 512]);
    for (const step of encodingSteps(4000, 3000, 2048)) expect(step.width / step.height).toBeCloseTo(4 / 3, 2);
  });

  it('starts from the image itself when it is already small', () => {
    const steps = encodingSteps(300, 200, 2048);
    expect(steps).toHaveLength(3);
    expect(steps.every((step) => step.width === 300 && step.height === 200)).toBe(true);
  });
});
