import { type Bm25Snapshot, bm25SnapshotFormat, joinNames, splitNames } from './bm25-snapshot';
import { type Bm25fParams, bm25f } from './field-weights';
import type { FieldTerms, LexicalDoc } from './lexical-doc';
import { packPostings, unpackPostings } from './packed-postings';
import { PageTitles } from './page-titles';
import { Postings } from './postings';
import { TopK } from './top-k';

export type { FieldTerms, LexicalDoc } from './lexical-doc';
export { lexicalDoc } from './lexical-doc';

/** A keyword hit: BM25F score (only comparable within one query) and how much of the query it covers. */
export interface KeywordHit {
  chunkId: string;
  pageId: string;
  score: number;
  /**
   * Share of the query's weight (Σ idf of its terms) that this chunk holds in
   * any field, 0..1: 1 when every query term is in the chunk, its headings or
   * its page title. Terms no saved page has count with the highest idf.
   */
  coverage: number;
  /**
   * The score over the most any chunk could score for this query (every term
   * saturated in every field: (k1 + 1) Σ idf), 0..1, so it can be compared
   * across queries.
   */
  normalized: number;
}

/** Coverage is tracked per query term in a 32-bit mask: longer queries count their first 32 terms. */
const maxCoverageTerms = 32;

/**
 * An in-memory inverted index over chunks with BM25F (see field-weights.ts):
 * each chunk's text and headings, and its page's title, are fields. Titles
 * are held once per page and reach every chunk of the page at query time.
 * Built from the per-page rows persisted in IndexedDB. Removal marks chunks
 * dead; their postings stay until the next load. Document frequencies are
 * counted at query time over live chunks.
 */
export class Bm25Index {
  private readonly termIds = new Map<string, number>();
  private readonly body: Postings[] = [];
  private readonly heading: (Postings | undefined)[] = [];
  private readonly titles = new PageTitles();
  private chunkIds: string[] = [];
  private pageOf: number[] = [];
  private bodyLength: number[] = [];
  private headingLength: number[] = [];
  private alive: boolean[] = [];
  private readonly pageIds: string[] = [];
  private readonly pageIndex = new Map<string, number>();
  /** Rows of each page (dead ones included, skipped). */
  private readonly pageRows: number[][] = [];
  private readonly chunkRow = new Map<string, number>();
  private live = 0;
  private bodyTotal = 0;
  private headingTotal = 0;
  /** Scratch per row, reused across searches (reset after each use). */
  private tf = new Float64Array(0);
  private scores = new Float64Array(0);
  private matched = new Uint32Array(0);

  constructor(private readonly params: Bm25fParams = bm25f) {}

  get size(): number {
    return this.live;
  }

  /** Adds chunks of a page (a chunk id already present is replaced), and sets the page's title terms when given. */
  add(pageId: string, docs: readonly LexicalDoc[], title?: FieldTerms): void {
    for (const doc of docs) {
      const row = this.chunkRow.get(doc.chunkId);
      if (row !== undefined) this.kill(row);
    }
    const page = this.pageId(pageId);
    if (title) this.titles.set(page, title);
    for (const doc of docs) {
      const row = this.chunkIds.push(doc.chunkId) - 1;
      this.chunkRow.set(doc.chunkId, row);
      this.pageOf.push(page);
      this.pageRows[page]?.push(row);
      this.bodyLength.push(doc.length);
      this.headingLength.push(doc.heading?.length ?? 0);
      this.alive.push(true);
      this.live++;
      this.bodyTotal += doc.length;
      this.headingTotal += doc.heading?.length ?? 0;
      doc.terms.forEach((term, i) => {
        const id = this.termId(term);
        (this.body[id] as Postings).push(row, doc.counts[i] ?? 1);
      });
      doc.heading?.terms.forEach((term, i) => {
        const id = this.termId(term);
        this.heading[id] ??= new Postings();
        this.heading[id].push(row, doc.heading?.counts[i] ?? 1);
      });
    }
  }

  removePage(pageId: string): void {
    const page = this.pageIndex.get(pageId);
    if (page === undefined) return;
    for (const row of this.pageRows[page] ?? []) this.kill(row);
    this.pageRows[page] = [];
    this.titles.clear(page);
  }

  /** Pages ever added since the index was loaded (removed ones included): a size estimate that costs nothing. */
  get pageCount(): number {
    return this.pageIndex.size;
  }

  /** Whether the page has live chunks here. */
  hasPage(pageId: string): boolean {
    const page = this.pageIndex.get(pageId);
    return page !== undefined && (this.pageRows[page] ?? []).some((row) => this.alive[row]);
  }

  /** The pages with live chunks. */
  livePages(): string[] {
    return [...this.pageIndex.keys()].filter((pageId) => this.hasPage(pageId));
  }

  private pageId(pageId: string): number {
    let page = this.pageIndex.get(pageId);
    if (page === undefined) {
      page = this.pageIds.push(pageId) - 1;
      this.pageIndex.set(pageId, page);
      this.pageRows.push([]);
    }
    return page;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.body.push(new Postings()) - 1;
      this.termIds.set(term, id);
    }
    return id;
  }

  private kill(row: number): void {
    if (!this.alive[row]) return;
    this.alive[row] = false;
    this.live--;
    this.bodyTotal -= this.bodyLength[row] ?? 0;
    this.headingTotal -= this.headingLength[row] ?? 0;
    this.chunkRow.delete(this.chunkIds[row] as string);
  }

  /** The live chunks, their pages and terms in flat buffers (dead rows and emptied terms left out), to persist. */
  toSnapshot(): Bm25Snapshot {
    const rowMap = new Int32Array(this.chunkIds.length).fill(-1);
    const pageMap = new Int32Array(this.pageIds.length).fill(-1);
    const pageIds: string[] = [];
    const keepPage = (page: number) => {
      if ((pageMap[page] as number) < 0) pageMap[page] = pageIds.push(this.pageIds[page] as string) - 1;
    };
    const chunkIds: string[] = [];
    const pageOf: number[] = [];
    const bodyLength: number[] = [];
    const headingLength: number[] = [];
    this.alive.forEach((alive, row) => {
      if (!alive) return;
      rowMap[row] = chunkIds.push(this.chunkIds[row] as string) - 1;
      keepPage(this.pageOf[row] as number);
      pageOf.push(pageMap[this.pageOf[row] as number] as number);
      bodyLength.push(this.bodyLength[row] as number);
      headingLength.push(this.headingLength[row] as number);
    });
    const titles = this.titles.byPage();
    for (const page of titles.keys()) keepPage(page);
    const terms: string[] = [];
    const bodyLists: (Postings | undefined)[] = [];
    const headingLists: (Postings | undefined)[] = [];
    const live = (list: Postings | undefined) => list?.ids.subarray(0, list.n).some((row) => rowMap[row] !== -1);
    for (const [term, id] of this.termIds) {
      if (!live(this.body[id]) && !live(this.heading[id])) continue;
      terms.push(term);
      bodyLists.push(this.body[id]);
      headingLists.push(this.heading[id]);
    }
    const pageTitles: (FieldTerms | null)[] = pageIds.map(() => null);
    for (const [page, title] of titles) pageTitles[pageMap[page] as number] = title;
    return {
      format: bm25SnapshotFormat,
      terms: joinNames(terms),
      body: packPostings(bodyLists, rowMap),
      heading: packPostings(headingLists, rowMap),
      chunkIds: joinNames(chunkIds),
      pageOf: Int32Array.from(pageOf).buffer,
      bodyLength: Uint32Array.from(bodyLength).buffer,
      headingLength: Uint32Array.from(headingLength).buffer,
      pageIds: joinNames(pageIds),
      titles: pageTitles,
    };
  }

  /** An index as it was when `snapshot` was taken (toSnapshot); throws on a snapshot of another format or torn. */
  static fromSnapshot(snapshot: Bm25Snapshot, params: Bm25fParams = bm25f): Bm25Index {
    if (snapshot.format !== bm25SnapshotFormat) throw new Error(`keyword index snapshot format ${snapshot.format}`);
    const index = new Bm25Index(params);
    const pageOf = new Int32Array(snapshot.pageOf);
    const rows = pageOf.length;
    const bodyLength = new Uint32Array(snapshot.bodyLength);
    const headingLength = new Uint32Array(snapshot.headingLength);
    if (bodyLength.length !== rows || headingLength.length !== rows || pageOf.some((p) => p >= snapshot.titles.length))
      throw new Error('keyword index snapshot: torn rows');
    index.chunkIds = splitNames(snapshot.chunkIds, rows);
    const pageIds = splitNames(snapshot.pageIds, snapshot.titles.length);
    const body = unpackPostings(snapshot.body);
    const heading = unpackPostings(snapshot.heading);
    const terms = splitNames(snapshot.terms, body.length);
    if (heading.length !== terms.length) throw new Error('keyword index snapshot: torn term lists');
    terms.forEach((term, id) => {
      index.termIds.set(term, id);
      index.body.push(body[id] ?? new Postings());
      index.heading.push(heading[id]);
    });
    for (const pageId of pageIds) index.pageId(pageId);
    snapshot.titles.forEach((title, page) => {
      if (title) index.titles.set(page, title);
    });
    index.pageOf = Array.from(pageOf);
    index.bodyLength = Array.from(bodyLength);
    index.headingLength = Array.from(headingLength);
    index.alive = new Array<boolean>(rows).fill(true);
    index.live = rows;
    index.chunkIds.forEach((chunkId, row) => {
      index.chunkRow.set(chunkId, row);
      index.pageRows[index.pageOf[row] as number]?.push(row);
      index.bodyTotal += index.bodyLength[row] as number;
      index.headingTotal += index.headingLength[row] as number;
    });
    return index;
  }

  /** Whether any term ever indexed (removed pages' included, until the next load) passes the test; stops at the first. */
  someTerm(test: (term: string) => boolean): boolean {
    for (const term of this.termIds.keys()) if (test(term)) return true;
    return false;
  }

  /** The inverse document frequency BM25 gives a term found in `df` of the live chunks. */
  idf(df: number): number {
    return Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
  }

  /** Top k chunks for query terms (see contentTerms), optionally only from some pages. */
  search(terms: readonly string[], k: number, pages?: ReadonlySet<string>): KeywordHit[] {
    if (this.live === 0 || k <= 0) return [];
    const allowed = pages ? new Set([...pages].map((p) => this.pageIndex.get(p))) : null;
    this.reserveScratch();
    const unique = [...new Set(terms)];
    const idfs: number[] = [];
    const scored: number[] = [];
    unique.forEach((term, index) => {
      const touched = this.termFrequencies(term);
      const idf = this.idf(touched.length);
      idfs.push(idf);
      const bit = index < maxCoverageTerms ? 1 << index : 0;
      const { tf, scores, matched } = this;
      const k1 = this.params.k1;
      for (const row of touched) {
        const frequency = tf[row] as number;
        tf[row] = 0;
        if (allowed && !allowed.has(this.pageOf[row])) continue;
        if (scores[row] === 0) scored.push(row);
        scores[row] = (scores[row] as number) + (idf * frequency * (k1 + 1)) / (k1 + frequency);
        matched[row] = (matched[row] as number) | bit;
      }
    });
    const total = idfs.slice(0, maxCoverageTerms).reduce((sum, idf) => sum + idf, 0) || 1;
    const best = (this.params.k1 + 1) * idfs.reduce((sum, idf) => sum + idf, 0) || 1;
    const top = new TopK(k);
    for (const row of scored) top.push(row, this.scores[row] as number);
    const hits = top.sorted().map(({ index, score }) => {
      let covered = 0;
      idfs.slice(0, maxCoverageTerms).forEach((idf, i) => {
        if (((this.matched[index] as number) >>> i) & 1) covered += idf;
      });
      return {
        chunkId: this.chunkIds[index] as string,
        pageId: this.pageIds[this.pageOf[index] as number] as string,
        score,
        coverage: covered / total,
        normalized: score / best,
      };
    });
    for (const row of scored) {
      this.scores[row] = 0;
      this.matched[row] = 0;
    }
    return hits;
  }

  /**
   * Fills this.tf with the term's BM25F pseudo-frequency in every live chunk
   * that has it in any field; returns those rows (their count is the df).
   */
  private termFrequencies(term: string): number[] {
    const id = this.termIds.get(term);
    const touched: number[] = [];
    const { tf, alive } = this;
    const add = (row: number, value: number) => {
      if (tf[row] === 0) touched.push(row);
      tf[row] = (tf[row] as number) + value;
    };
    const { body, heading, title } = this.params;
    const bodyAverage = this.bodyTotal / this.live || 1;
    const bodyList = id === undefined ? undefined : this.body[id];
    for (let i = 0; bodyList && i < bodyList.n; i++) {
      const row = bodyList.ids[i] as number;
      if (!alive[row]) continue;
      const norm = 1 - body.b + (body.b * (this.bodyLength[row] as number)) / bodyAverage;
      add(row, (body.weight * (bodyList.counts[i] as number)) / norm);
    }
    const headingList = id === undefined ? undefined : this.heading[id];
    const headingAverage = this.headingTotal / this.live || 1;
    for (let i = 0; headingList && i < headingList.n; i++) {
      const row = headingList.ids[i] as number;
      if (!alive[row]) continue;
      const norm = 1 - heading.b + (heading.b * (this.headingLength[row] as number)) / headingAverage;
      add(row, (heading.weight * (headingList.counts[i] as number)) / norm);
    }
    const titleAverage = this.titles.averageLength;
    this.titles.forEachPage(term, (page, count, length) => {
      const value = (title.weight * count) / (1 - title.b + (title.b * length) / titleAverage);
      for (const row of this.pageRows[page] ?? []) if (alive[row]) add(row, value);
    });
    return touched;
  }

  private reserveScratch(): void {
    const rows = this.chunkIds.length;
    if (this.tf.length >= rows) return;
    const capacity = Math.max(rows, Math.ceil(this.tf.length * 1.5), 1024);
    this.tf = new Float64Array(capacity);
    this.scores = new Float64Array(capacity);
    this.matched = new Uint32Array(capacity);
  }
}
