import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExtensionPage } from './support/extension';
import { type Session, startSession } from './support/session';

/** Automatic saving: off by default; when on, it saves what the user reads, except where it must not. */
describe('automatic saving', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
    // The same page server under a second host name, to have a site to deny.
    s.aside.audit.allow(s.pages.origin.replace('127.0.0.1', 'localhost'));
    await s.panel.getByRole('tab', { name: 'Library' }).click();
  });
  afterAll(() => s?.close());

  const titles = () => s.panel.getByTestId('library-item').allInnerTexts();
  /** Reads a page in the foreground long enough to be offered for saving. */
  const read = async (url: string) => {
    await s.show(url);
    await new Promise((resolve) => setTimeout(resolve, 2500));
  };

  it('saves nothing while it is off (the default)', async () => {
    await read(s.pages.longArticleUrl(20));
    expect(await titles()).toEqual([]);
  });

  it('saves pages read long enough, but not on private sites or pages with a password field', async () => {
    const options = await openExtensionPage(s.aside, 'options.html');
    await options.getByLabel('Minimum reading time before saving (seconds)').fill('1');
    await options.getByLabel('Private sites, never saved (one per line)').fill('localhost');
    await options.getByLabel('Minimum reading time before saving (seconds)').focus(); // blur the list: it is stored
    await options.getByLabel('Save the pages I read into the library automatically').check();
    await options.close();

    await read(s.pages.corpusUrl('qq').replace('127.0.0.1', 'localhost')); // a private site
    await read(s.pages.fixtureUrl('login.html')); // has a password field
    await read(s.pages.corpusUrl('wikipedia')); // fine
    // The allowed page arriving proves the earlier offers were made and refused.
    await expect.poll(() => titles()).toEqual([expect.stringContaining('Mozilla - Wikipedia')]);
  });
});
