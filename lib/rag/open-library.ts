import { db } from '../db/database';
import { isLibraryOpen, openLexicalIndex, openVectorIndex } from './index-cache';
import { searchModel } from './library-search';

/**
 * Opens the indexes a library question searches (keyword, and the vectors of
 * the model questions are embedded with), so that the question does not wait
 * for them. False when nothing is indexed (nothing to open).
 */
export async function openLibrary(): Promise<boolean> {
  if ((await db().ragLexical.count()) === 0) return false;
  const modelId = await searchModel();
  await Promise.all([openLexicalIndex(), modelId ? openVectorIndex(modelId) : null]);
  return true;
}

/** Whether a library question would wait for its indexes to open now (the panel then says so). */
export async function libraryOpening(): Promise<boolean> {
  return !isLibraryOpen(await searchModel());
}
