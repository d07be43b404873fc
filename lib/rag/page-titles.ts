import type { FieldTerms } from './lexical-doc';
import { Postings } from './postings';

/**
 * The title field of BM25F (bm25.ts), held once per page rather than copied
 * into each of its chunks. A page's title can be replaced: its old postings
 * stay, tagged with the title's generation, and are skipped once superseded.
 */
export class PageTitles {
  private readonly postings = new Map<string, { list: Postings; generations: number[] }>();
  private readonly lengths: number[] = [];
  private readonly generations: number[] = [];
  private titled = 0;
  private total = 0;

  /** Average title length over the pages that have one. */
  get averageLength(): number {
    return this.total / (this.titled || 1) || 1;
  }

  /** Sets page `page`'s title terms, replacing any it had. */
  set(page: number, title: FieldTerms): void {
    this.clear(page);
    const generation = this.generations[page] as number;
    this.lengths[page] = title.length;
    if (title.length > 0) {
      this.titled++;
      this.total += title.length;
    }
    title.terms.forEach((term, i) => {
      let entry = this.postings.get(term);
      if (!entry) {
        entry = { list: new Postings(), generations: [] };
        this.postings.set(term, entry);
      }
      entry.list.push(page, title.counts[i] ?? 1);
      entry.generations.push(generation);
    });
  }

  /** Forgets a page's title. */
  clear(page: number): void {
    if ((this.lengths[page] ?? 0) > 0) {
      this.titled--;
      this.total -= this.lengths[page] ?? 0;
    }
    this.lengths[page] = 0;
    this.generations[page] = (this.generations[page] ?? 0) + 1;
  }

  /** Each page's current title terms (pages without one are absent), for a snapshot of the index. */
  byPage(): Map<number, FieldTerms> {
    const pages = new Map<number, FieldTerms>();
    for (const [term, { list, generations }] of this.postings) {
      for (let i = 0; i < list.n; i++) {
        const page = list.ids[i] as number;
        if (generations[i] !== this.generations[page]) continue;
        let title = pages.get(page);
        if (!title) {
          title = { length: this.lengths[page] ?? 0, terms: [], counts: [] };
          pages.set(page, title);
        }
        title.terms.push(term);
        title.counts.push(list.counts[i] as number);
      }
    }
    return pages;
  }

  /** Calls `visit` for each page whose current title has the term, with its count and title length. */
  forEachPage(term: string, visit: (page: number, count: number, length: number) => void): void {
    const entry = this.postings.get(term);
    if (!entry) return;
    const { list, generations } = entry;
    for (let i = 0; i < list.n; i++) {
      const page = list.ids[i] as number;
      if (generations[i] === this.generations[page]) visit(page, list.counts[i] as number, this.lengths[page] ?? 0);
    }
  }
}
