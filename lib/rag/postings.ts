/** A growable posting list: ids (chunk rows or pages) and the term's count in each. */
export class Postings {
  ids = new Int32Array(4);
  counts = new Uint16Array(4);
  n = 0;

  push(id: number, count: number): void {
    if (this.n === this.ids.length) {
      const ids = new Int32Array(this.n * 2);
      ids.set(this.ids);
      const counts = new Uint16Array(this.n * 2);
      counts.set(this.counts);
      this.ids = ids;
      this.counts = counts;
    }
    this.ids[this.n] = id;
    this.counts[this.n] = Math.min(65535, count);
    this.n++;
  }
}
