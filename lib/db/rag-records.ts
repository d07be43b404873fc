import type { Bm25Snapshot } from '../rag/bm25-snapshot';
import type { FieldTerms, LexicalDoc } from '../rag/lexical-doc';

/** A chunk of a saved page (lib/rag/chunk.ts), shared by every embedding model. id = `${pageId}#${ordinal}`. */
export interface RagChunkRecord {
  id: string;
  pageId: string;
  ordinal: number;
  text: string;
  headingPath: string[];
  start: number;
  end: number;
  /** The PDF page the chunk starts on; absent for web pages (lib/rag/chunk.ts). */
  page?: number;
}

/**
 * A page's chunks as BM25F documents (term counts of each chunk's text and
 * headings) and its title's terms, loaded into the in-memory keyword index.
 * Rows written before v8 of the database had unstemmed terms and no fields:
 * the v8 upgrade rebuilt them (lib/db/upgrade-search-terms.ts).
 */
export interface RagLexicalRecord {
  pageId: string;
  docs: LexicalDoc[];
  /** The page title's terms; absent when the page was not in the library when its chunks were written. */
  title?: FieldTerms;
}

/**
 * Up to a few thousand vectors of one model packed in one row, so opening the
 * index is a few large reads: int8 codes (`stride` bytes each, dims padded to
 * 16) and one float32 scale per vector. 388 bytes per 384-d vector.
 */
export interface RagVectorBlockRecord {
  id: string;
  modelId: string;
  dims: number;
  stride: number;
  count: number;
  chunkIds: string[];
  /** Page of each row. */
  rowPages: string[];
  /** Distinct pages in the block (multi-entry index: which blocks to rewrite when a page goes). */
  pageIds: string[];
  codes: ArrayBuffer;
  scales: ArrayBuffer;
  /** Float32 center the codes are relative to (the model's, the same in all its blocks); absent: codes of the raw vectors. */
  center?: ArrayBuffer;
}

/**
 * The keyword index saved whole (lib/rag/lexical-snapshot.ts): one row, id
 * `bm25`. It may lag the keyword rows: the pages written since are listed in
 * ragLexicalDirty, and re-read from their rows when the index opens.
 */
export interface RagLexicalSnapshotRecord extends Bm25Snapshot {
  id: string;
  savedAt: number;
}

/** A page whose keyword row changed (or went) after the snapshot was saved. */
export interface RagLexicalDirtyRecord {
  pageId: string;
}
