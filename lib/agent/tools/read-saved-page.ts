import { z } from 'zod';
import { db } from '../../db/database';
import { tool } from '../tool';
import { pageResult } from '../tool-text';

/** A saved page's full text from the library. */
export const readSavedPage = tool({
  name: 'read_saved_page',
  description: 'Reads a page saved in the library by its id (from search_library).',
  input: z.object({ id: z.string().min(1) }),
  risk: 'read',
  async run({ id }, context) {
    const page = await db().pages.get(id);
    if (!page) return `No saved page has the id "${id}".`;
    return pageResult('read_saved_page', page, context.nonce);
  },
});
