/**
 * The k highest scores seen, as a binary min-heap on typed arrays: `push` is
 * O(log k) and `threshold` lets a hot loop skip most items with one compare.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly ids: Int32Array;
  private length = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(Math.max(1, k));
    this.ids = new Int32Array(Math.max(1, k));
  }

  /** Scores must beat this to enter (−∞ until k items are held). */
  get threshold(): number {
    return this.length < this.k ? Number.NEGATIVE_INFINITY : (this.scores[0] as number);
  }

  push(index: number, score: number): void {
    if (this.k <= 0) return;
    if (this.length < this.k) {
      let i = this.length++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((this.scores[parent] as number) <= score) break;
        this.scores[i] = this.scores[parent] as number;
        this.ids[i] = this.ids[parent] as number;
        i = parent;
      }
      this.scores[i] = score;
      this.ids[i] = index;
      return;
    }
    if (score <= (this.scores[0] as number)) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.length) break;
      const right = left + 1;
      const child =
        right < this.length && (this.scores[right] as number) < (this.scores[left] as number) ? right : left;
      if ((this.scores[child] as number) >= score) break;
      this.scores[i] = this.scores[child] as number;
      this.ids[i] = this.ids[child] as number;
      i = child;
    }
    this.scores[i] = score;
    this.ids[i] = index;
  }

  /** Held indices, in no order. */
  indices(): number[] {
    return Array.from(this.ids.subarray(0, this.length));
  }

  /** Held items, best first. */
  sorted(): { index: number; score: number }[] {
    const out: { index: number; score: number }[] = [];
    for (let i = 0; i < this.length; i++) out.push({ index: this.ids[i] as number, score: this.scores[i] as number });
    return out.sort((a, b) => b.score - a.score || a.index - b.index);
  }
}
