import { describe, expect, it } from 'vitest';
import { createWriteQueue } from './write-queue';

const full = () => Promise.reject(new DOMException('The disk is full.', 'QuotaExceededError'));

describe('the agent write queue', () => {
  it('writes in order without making the caller wait', async () => {
    const written: number[] = [];
    const queue = createWriteQueue();
    for (const n of [1, 2, 3]) void queue.push(async () => written.push(n));
    expect(written).toEqual([]);
    await queue.flush();
    expect(written).toEqual([1, 2, 3]);
  });

  it('reports a full disk as the app’s quota error, stops writing, and fails the flush', async () => {
    const failures: unknown[] = [];
    const written: string[] = [];
    const queue = createWriteQueue((error) => failures.push(error));
    void queue.push(async () => written.push('before'));
    void queue.push(full);
    void queue.push(async () => written.push('after'));
    await expect(queue.flush()).rejects.toMatchObject({ name: 'AsideError', code: 'quota-exceeded' });
    expect(failures).toEqual([expect.objectContaining({ code: 'quota-exceeded' })]);
    expect(queue.failure()?.code).toBe('quota-exceeded');
    // Nothing after the failure is written out of order or half-way.
    expect(written).toEqual(['before']);
  });
});
