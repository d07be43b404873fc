import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { capturedPage } from '../../tests/support/captured-page';
import type { CapturedPage } from '../capture/page-context';
import { db } from '../db/database';
import { deletePages, exportLibrary, importLibrary, restorePages } from './library-store';
import { pageTerms } from './page-record';
import { savePageRecord } from './save-page';
import { searchLibrary } from './search-library';

const page = (url: string, markdown: string, title = 'A page'): CapturedPage =>
  capturedPage({
    url,
    title,
    markdown,
  });

describe('library store', () => {
  beforeEach(async () => {
    await db().delete({ disableAutoOpen: false });
  });

  it('keeps one record per URL, updating it only when the content changed', async () => {
    const first = await savePageRecord(page('https://a.example/x', 'Hello world'));
    expect(first.outcome).toBe('saved');
    expect((await savePageRecord(page('https://a.example/x', 'Hello world'))).outcome).toBe('unchanged');
    const changed = await savePageRecord(page('https://a.example/x', 'Hello changed world'));
    expect(changed.outcome).toBe('updated');
    expect(changed.page.id).toBe(first.page.id);
    expect(changed.page.savedAt).toBe(first.page.savedAt);
    expect(await db().pages.count()).toBe(1);
    expect((await searchLibrary('changed')).map((p) => p.url)).toEqual(['https://a.example/x']);
  });

  it('reports a full disk as quota-exceeded and leaves what was saved intact', async () => {
    await savePageRecord(page('https://a.example/kept', 'Kept text'));
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const put = vi.spyOn(db().pages, 'put').mockRejectedValueOnce(quota);
    await expect(savePageRecord(page('https://a.example/new', 'New text'))).rejects.toMatchObject({
      name: 'AsideError',
      code: 'quota-exceeded',
    });
    put.mockRestore();
    const urls = (await db().pages.toArray()).map((p) => p.url);
    expect(urls).toEqual(['https://a.example/kept']);
    expect((await db().pages.toArray())[0]?.markdown).toBe('Kept text');
  });

  it('round-trips the library through an export file without losing a field', async () => {
    await savePageRecord(page('https://a.example/1', '第一页的内容', '中文页面'));
    await savePageRecord(page('https://a.example/2', 'Second page'));
    await db()
      .pages.where('url')
      .equals('https://a.example/2')
      .modify({ tags: ['work'] });
    const before = await db().pages.orderBy('url').toArray();
    const file = JSON.stringify(await exportLibrary());

    await db().delete({ disableAutoOpen: false });
    expect(await importLibrary(file)).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(await db().pages.orderBy('url').toArray()).toEqual(before);
    expect(await importLibrary(file)).toEqual({ added: 0, updated: 0, unchanged: 2 });
  });

  it('lets a newer copy in a file replace an older stored page, keeping the first save time', async () => {
    const stored = await savePageRecord(page('https://a.example/1', 'Old text'));
    const file = await exportLibrary();
    const newer = {
      ...file.pages[0]!,
      markdown: 'New text',
      contentHash: 'other',
      savedAt: stored.page.savedAt + 5,
      updatedAt: Date.now() + 1000,
    };
    expect(await importLibrary(JSON.stringify({ ...file, pages: [newer] }))).toEqual({
      added: 0,
      updated: 1,
      unchanged: 0,
    });
    const after = await db().pages.get(stored.page.id);
    expect(after?.markdown).toBe('New text');
    expect(after?.savedAt).toBe(stored.page.savedAt);
  });

  it('refuses a file that is not an Aside export, changing nothing', async () => {
    await savePageRecord(page('https://a.example/1', 'Text'));
    await expect(importLibrary('{"pages": []}')).rejects.toMatchObject({ code: 'invalid-file' });
    await expect(importLibrary('not json')).rejects.toMatchObject({ code: 'invalid-file' });
    expect(await db().pages.count()).toBe(1);
  });

  it('deletes pages with their clips and restores both exactly (Undo)', async () => {
    const { page: saved } = await savePageRecord(page('https://a.example/1', 'Text'));
    const clip = { id: 'c1', pageUrl: saved.url, text: 'Text', paragraph: 'Text', headingPath: [], savedAt: 1 };
    const other = { ...clip, id: 'c2', pageUrl: 'https://a.example/other' };
    await db().clips.bulkAdd([clip, other]);
    const deleted = await deletePages([saved.id]);
    expect(deleted.clips).toEqual([clip]);
    expect(await db().pages.count()).toBe(0);
    expect(await db().clips.toArray()).toEqual([other]);
    await restorePages(deleted);
    expect(await db().pages.get(saved.id)).toEqual(saved);
    expect(await db().clips.get('c1')).toEqual(clip);
  });

  it('finds a page by the words of its clips, also after the page is saved again', async () => {
    const { page: saved } = await savePageRecord(page('https://a.example/1', 'Article text'));
    await db().clips.add({
      id: 'c1',
      pageUrl: saved.url,
      text: 'sidebar marmalade',
      paragraph: 'A sidebar about marmalade.',
      headingPath: [],
      savedAt: 1,
    });
    await db().pages.update(saved.id, { terms: pageTerms(saved, await db().clips.toArray()) });
    expect((await searchLibrary('marmalade')).map((p) => p.id)).toEqual([saved.id]);
    await savePageRecord(page('https://a.example/1', 'Article text, changed'));
    expect((await searchLibrary('marmalade')).map((p) => p.id)).toEqual([saved.id]);
  });
});
