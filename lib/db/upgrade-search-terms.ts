import type { Transaction } from 'dexie';
import { pageTerms } from '../library/page-record';
import { headingsBelowTitle } from '../rag/headings-below-title';
import { lexicalDoc, titleTerms } from '../rag/lexical-doc';
import type { RagChunkRecord, RagLexicalRecord } from './rag-records';
import type { ClipRecord, PageRecord } from './records';

/**
 * The v8 upgrade: search terms became stemmed (English) and keyword search
 * gained title and heading fields (issue 17), so every term saved before is
 * rebuilt from what is stored: each page's list-search terms from its title,
 * text and clips, and each indexed page's BM25F row from its chunk records
 * and title. Nothing is re-chunked or re-embedded and nothing is lost; a
 * page's row is rebuilt one page at a time, so memory stays that of one page.
 */
export async function upgradeSearchTerms(tx: Transaction): Promise<void> {
  const clips = new Map<string, ClipRecord[]>();
  for (const clip of await tx.table<ClipRecord>('clips').toArray()) {
    clips.set(clip.pageUrl, [...(clips.get(clip.pageUrl) ?? []), clip]);
  }
  const titles = new Map<string, string>();
  await tx
    .table<PageRecord>('pages')
    .toCollection()
    .modify((page) => {
      titles.set(page.id, page.title);
      page.terms = pageTerms(page, clips.get(page.url) ?? []);
    });
  const lexical = tx.table<RagLexicalRecord, string>('ragLexical');
  for (const pageId of await lexical.toCollection().primaryKeys()) {
    const chunks = await tx.table<RagChunkRecord>('ragChunks').where('pageId').equals(pageId).toArray();
    const title = titles.get(pageId);
    const docs = chunks.map((chunk) =>
      lexicalDoc(
        chunk.id,
        chunk.text,
        title === undefined ? chunk.headingPath : headingsBelowTitle(title, chunk.headingPath),
      ),
    );
    await lexical.put({ pageId, docs, ...(title === undefined ? {} : { title: titleTerms(title) }) });
  }
}
