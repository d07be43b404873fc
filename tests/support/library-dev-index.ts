import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { capturePage } from '../../lib/capture/capture-page';
import { Bm25Index } from '../../lib/rag/bm25';
import { chunkMarkdown } from '../../lib/rag/chunk';
import type { Bm25fParams } from '../../lib/rag/field-weights';
import { headingsBelowTitle } from '../../lib/rag/headings-below-title';
import { type LexicalDoc, lexicalDoc, titleTerms } from '../../lib/rag/lexical-doc';

/** The real pages of Readability's test suite, read in place (never copied into the project). */
export const readabilityCorpus = path.resolve(import.meta.dirname, '../../../shared/corpora/readability');

/** A corpus page as Aside saves and indexes it: its title and its chunks' BM25F terms. */
export interface DevPage {
  readonly id: string;
  readonly title: string;
  readonly docs: LexicalDoc[];
}

/**
 * Captures every corpus page as the Save button does (capturePage), chunks it
 * and computes its keyword terms as the index writes them (vector-index.ts
 * putChunks): the text, the headings below the title, and the title.
 */
export function captureDevPages(corpus = readabilityCorpus): DevPage[] {
  return fs
    .readdirSync(corpus)
    .filter((name) => fs.existsSync(path.join(corpus, name, 'source.html')))
    .map((id) => {
      const html = fs.readFileSync(path.join(corpus, id, 'source.html'), 'utf8');
      const page = capturePage(new JSDOM(html, { url: 'http://fakehost/test/page.html' }).window.document);
      const docs = chunkMarkdown(page.markdown).map((chunk) =>
        lexicalDoc(`${id}#${chunk.ordinal}`, chunk.text, headingsBelowTitle(page.title, chunk.headingPath)),
      );
      return { id, title: page.title, docs };
    });
}

/** The keyword index of the captured pages, with the product's field weights or others. */
export function devIndex(pages: readonly DevPage[], params?: Bm25fParams): Bm25Index {
  const index = new Bm25Index(params);
  for (const page of pages) index.add(page.id, page.docs, titleTerms(page.title));
  return index;
}
