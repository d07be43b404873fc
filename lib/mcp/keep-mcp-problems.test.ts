import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRun } from '../agent/run-store';
import { db } from '../db/database';
import { AsideError } from '../messaging/errors';
import { keepMcpProblems } from './mcp-run-tools';

/** The note that a server was left out is kept with the run, for the panel reopened later. */
describe('keepMcpProblems', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
  });
  const down = { server: 'Gone', error: new AsideError('mcp-unreachable', 'Could not reach the MCP server «Gone».') };

  it('stores the servers a run went without, and clears them when a resumed run has them all', async () => {
    const run = await createRun({ goal: 'g', profileId: 'p', model: 'm', tabId: null });
    await keepMcpProblems(run.id, [down]);
    expect((await db().runs.get(run.id))?.mcpProblems).toEqual([{ server: 'Gone', error: down.error.toJSON() }]);
    await keepMcpProblems(run.id, []);
    expect((await db().runs.get(run.id))?.mcpProblems).toEqual([]);
  });

  it('writes nothing for a run that never had a problem, nor for a run that is gone', async () => {
    const run = await createRun({ goal: 'g', profileId: 'p', model: 'm', tabId: null });
    const before = await db().runs.get(run.id);
    await keepMcpProblems(run.id, []);
    expect(await db().runs.get(run.id)).toEqual(before);
    await keepMcpProblems('gone', [down]);
    expect(await db().runs.get('gone')).toBeUndefined();
  });
});
