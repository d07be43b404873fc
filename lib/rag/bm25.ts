import { termCounts } from './bm25-terms';
import { TopK } from './top-k';

/** One chunk's terms as persisted (RagLexicalRecord.docs) and loaded into the index. */
export interface LexicalDoc {
  chunkId: string;
  /** Σ term counts. */
  length: number;
  terms: string[];
  counts: number[];
}

/** A keyword hit: BM25 score (only comparable within one query). */
export interface KeywordHit {
  chunkId: string;
  pageId: string;
  score: number;
}

/** The terms and counts of a chunk's text, ready to persist and index. */
export function lexicalDoc(chunkId: string, text: string): LexicalDoc {
  const counts = termCounts(text);
  let length = 0;
  for (const count of counts.values()) length += count;
  return { chunkId, length, terms: [...counts.keys()], counts: [...counts.values()] };
}

interface Postings {
  docs: Int32Array;
  counts: Uint16Array;
  n: number;
}

const k1 = 1.2;
const b = 0.75;

/**
 * An in-memory inverted index with BM25 (k1 1.2, b 0.75) over chunks, built
 * from the per-page rows persisted in IndexedDB. Removal marks documents dead;
 * their postings stay until the next load, and document frequencies count
 * live documents only (kept per term).
 */
export class Bm25Index {
  /** Term → id; postings and live document frequencies by term id (term strings are held once). */
  private readonly termIds = new Map<string, number>();
  private readonly postings: Postings[] = [];
  private readonly liveDf: number[] = [];
  private chunkIds: string[] = [];
  private pageOf: number[] = [];
  private lengths: number[] = [];
  private alive: boolean[] = [];
  private docTerms: Int32Array[] = [];
  private readonly pageIds: string[] = [];
  private readonly pageIndex = new Map<string, number>();
  private readonly pageDocs = new Map<string, number[]>();
  /** Live row of each chunk id. */
  private readonly chunkRow = new Map<string, number>();
  private live = 0;
  private totalLength = 0;

  get size(): number {
    return this.live;
  }

  /** Adds chunks of a page; a chunk id already present is replaced. */
  add(pageId: string, docs: readonly LexicalDoc[]): void {
    for (const doc of docs) {
      const row = this.chunkRow.get(doc.chunkId);
      if (row !== undefined) this.kill(row);
    }
    let page = this.pageIndex.get(pageId);
    if (page === undefined) {
      page = this.pageIds.push(pageId) - 1;
      this.pageIndex.set(pageId, page);
    }
    const rows: number[] = [];
    for (const doc of docs) {
      const row = this.chunkIds.push(doc.chunkId) - 1;
      rows.push(row);
      this.chunkRow.set(doc.chunkId, row);
      this.pageOf.push(page);
      this.lengths.push(doc.length);
      this.alive.push(true);
      const ids = new Int32Array(doc.terms.length);
      this.docTerms.push(ids);
      this.live++;
      this.totalLength += doc.length;
      doc.terms.forEach((term, i) => {
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = this.postings.push({ docs: new Int32Array(4), counts: new Uint16Array(4), n: 0 }) - 1;
          this.liveDf.push(0);
          this.termIds.set(term, id);
        }
        ids[i] = id;
        const list = this.postings[id] as Postings;
        if (list.n === list.docs.length) {
          const docsGrown = new Int32Array(list.n * 2);
          docsGrown.set(list.docs);
          const countsGrown = new Uint16Array(list.n * 2);
          countsGrown.set(list.counts);
          list.docs = docsGrown;
          list.counts = countsGrown;
        }
        list.docs[list.n] = row;
        list.counts[list.n] = Math.min(65535, doc.counts[i] ?? 1);
        list.n++;
        this.liveDf[id] = (this.liveDf[id] ?? 0) + 1;
      });
    }
    this.pageDocs.set(pageId, [...(this.pageDocs.get(pageId) ?? []), ...rows]);
  }

  removePage(pageId: string): void {
    for (const row of this.pageDocs.get(pageId) ?? []) this.kill(row);
    this.pageDocs.delete(pageId);
  }

  private kill(row: number): void {
    if (!this.alive[row]) return;
    this.alive[row] = false;
    this.live--;
    this.totalLength -= this.lengths[row] ?? 0;
    for (const id of this.docTerms[row] ?? []) this.liveDf[id] = (this.liveDf[id] ?? 1) - 1;
    this.chunkRow.delete(this.chunkIds[row] as string);
  }

  /** Top k chunks for query terms (see queryTerms), optionally only from some pages. */
  search(terms: readonly string[], k: number, pages?: ReadonlySet<string>): KeywordHit[] {
    if (this.live === 0 || k <= 0) return [];
    const allowedPages = pages ? new Set([...pages].map((p) => this.pageIndex.get(p))) : null;
    const avgLength = this.totalLength / this.live || 1;
    const scores = new Map<number, number>();
    for (const term of new Set(terms)) {
      const id = this.termIds.get(term);
      const list = id === undefined ? undefined : this.postings[id];
      const df = id === undefined ? 0 : (this.liveDf[id] ?? 0);
      if (!list || df <= 0) continue;
      const idf = Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
      for (let i = 0; i < list.n; i++) {
        const row = list.docs[i] as number;
        if (!this.alive[row]) continue;
        if (allowedPages && !allowedPages.has(this.pageOf[row])) continue;
        const tf = list.counts[i] as number;
        const norm = tf + k1 * (1 - b + (b * (this.lengths[row] as number)) / avgLength);
        scores.set(row, (scores.get(row) ?? 0) + (idf * tf * (k1 + 1)) / norm);
      }
    }
    const top = new TopK(k);
    for (const [row, score] of scores) top.push(row, score);
    return top.sorted().map(({ index, score }) => ({
      chunkId: this.chunkIds[index] as string,
      pageId: this.pageIds[this.pageOf[index] as number] as string,
      score,
    }));
  }
}
