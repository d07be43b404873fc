import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Team, teamFileSchema } from '../../lib/agent/teams/team';
import { readSetting } from './support/aside-db';
import { allowDownloads, waitForDownload } from './support/downloads';
import { type AsideBrowser, launchAside, openExtensionPage } from './support/extension';
import type { ExtensionGlobal } from './support/extension-global';

/** The user's teams as stored (in IndexedDB, lib/settings/secure-settings.ts). */
async function storedTeams(aside: AsideBrowser): Promise<Team[]> {
  return ((await readSetting(aside, 'teams')) as Team[] | null) ?? [];
}

/** The Teams section of the options page: presets, editing, validation, export and import. */
describe('teams in the options page', () => {
  let aside: AsideBrowser;
  let options: Page;
  const userRows = () => options.getByTestId('user-teams').getByTestId('team-row');
  const editor = () => options.getByTestId('team-editor');
  const member = (n: number) => editor().getByTestId('team-agent').nth(n);

  beforeAll(async () => {
    aside = await launchAside();
    options = await openExtensionPage(aside, 'options.html');
  });
  afterAll(async () => {
    await aside?.close();
  });

  it('duplicates a preset, edits its name, a member’s tools and model, and saves it', async () => {
    const presetRow = options.getByTestId('team-row').filter({ hasText: 'Debate an answer' });
    await presetRow.getByRole('button', { name: 'Duplicate to edit' }).click();
    expect(await editor().getByLabel('Team name').inputValue()).toBe('Debate an answer (copy)');
    await editor().getByLabel('Team name').fill('Fact check');
    const first = member(0);
    expect(await first.getByLabel('Role name').inputValue()).toBe('Debater A');
    await first.getByRole('checkbox', { name: 'Search the library' }).uncheck();
    await first.getByRole('checkbox', { name: 'Fetch page' }).check();
    await first.getByLabel('Model').fill('cheap-model');
    await editor().getByRole('button', { name: 'Save', exact: true }).click();

    await expect.poll(() => userRows().count()).toBe(1);
    await expect.poll(() => userRows().innerText()).toContain('Fact check');
    await expect.poll(() => editor().count()).toBe(0);
    await expect.poll(async () => (await storedTeams(aside)).length).toBe(1);
    const [saved] = await storedTeams(aside);
    expect(saved?.id).toBe('team-fact-check');
    expect(saved?.pattern).toBe('debate');
    expect(saved?.agents[0]).toMatchObject({ id: 'debater-1', model: 'cheap-model' });
    expect(saved?.agents[0]?.tools).toEqual(['read_saved_page', 'get_current_page', 'fetch_url']);
    // The preset itself is untouched and still not editable.
    expect(await presetRow.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    expect(await presetRow.getByRole('button', { name: 'Delete' }).count()).toBe(0);
  });

  it('refuses a debate team with one debater in plain words, and saves it with two', async () => {
    await options.getByLabel('Pattern', { exact: true }).selectOption('debate');
    await options.getByRole('button', { name: 'New team' }).click();
    expect(await editor().getByTestId('team-agent').count()).toBe(3);
    await editor().getByLabel('Team name').fill('Two sides');
    await member(0).getByRole('button', { name: 'Remove member' }).click();
    await editor().getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => editor().getByTestId('team-problems').innerText())
      .toContain('A debate team needs 2–6 debater(s), not 1.');
    expect(await storedTeams(aside)).toHaveLength(1);

    await editor().getByRole('button', { name: 'Add member' }).click();
    expect(await member(2).getByLabel('Duty').inputValue()).toBe('debater');
    await member(2).getByLabel('Instructions').fill('Argue the other side.');
    await editor().getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => userRows().count()).toBe(2);
    const two = (await storedTeams(aside)).find((team) => team.name === 'Two sides');
    expect(two?.agents.map((agent) => [agent.id, agent.duty])).toEqual([
      ['debater-2', 'debater'],
      ['judge', 'judge'],
      ['debater-1', 'debater'],
    ]);
    expect(two?.agents[2]?.instructions).toBe('Argue the other side.');
  });

  it('edits a saved team in place: order, limits, provider profile; the id stays', async () => {
    const profile = {
      id: 'p-cheap',
      name: 'Cheap server',
      presetId: 'custom',
      baseURL: 'http://127.0.0.1:9/v1',
      model: 'small',
      models: ['small', 'large'],
    };
    // Saved as the profile form saves it: a request from this (extension) page to the background.
    await options.evaluate(
      (payload) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(payload),
      { aside: 1, type: 'profiles.save', payload: { profile } },
    );
    const row = userRows().filter({ hasText: 'Fact check' });
    await row.getByRole('button', { name: 'Edit', exact: true }).click();
    await member(0).getByRole('button', { name: 'Move member down' }).click();
    expect(await member(1).getByLabel('Role name').inputValue()).toBe('Debater A');
    await member(1).getByLabel('Provider profile').selectOption({ label: 'Cheap server' });
    await editor().getByLabel('Rounds').fill('0');
    await editor().getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => editor().getByTestId('team-problems').innerText())
      .toContain('Rounds must be a whole number from 1 to 50.');
    await editor().getByLabel('Rounds').fill('3');
    await editor().getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editor().count()).toBe(0);
    // Stored through the background: poll for the write rather than assume it came before the editor closed.
    await expect
      .poll(async () => (await storedTeams(aside)).find((team) => team.name === 'Fact check')?.limits.rounds)
      .toBe(3);
    const saved = (await storedTeams(aside)).find((team) => team.name === 'Fact check');
    expect(saved?.id).toBe('team-fact-check');
    expect(saved?.limits.rounds).toBe(3);
    expect(saved?.agents.map((agent) => agent.id)).toEqual(['debater-2', 'debater-1', 'debater-3', 'judge']);
    expect(saved?.agents[1]).toMatchObject({ profileId: 'p-cheap', model: 'cheap-model' });
    await expect.poll(() => userRows().count()).toBe(2);
  });

  it('exports the teams, imports them back after a delete, and refuses a broken file', async () => {
    const before = await storedTeams(aside);
    const folder = await allowDownloads(aside);
    await options.getByRole('button', { name: 'Export teams' }).click();
    const file = await waitForDownload(folder, /^aside-teams.*\.json$/);
    const exported = teamFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    expect(exported.teams).toEqual(before);
    expect(exported.teams.map((team) => team.name)).toEqual(['Fact check', 'Two sides']);

    const row = userRows().filter({ hasText: 'Two sides' });
    await row.getByRole('button', { name: 'Delete' }).click();
    const confirm = row.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => userRows().count()).toBe(1);

    await options.getByTestId('team-import-file').setInputFiles(file);
    await expect
      .poll(() => options.getByTestId('team-import-result').innerText())
      .toContain('Imported 1 team(s), 0 of them under a new id');
    await expect.poll(() => userRows().count()).toBe(2);
    await expect.poll(() => storedTeams(aside)).toEqual(before);

    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aside-teams-')), 'broken.json');
    fs.writeFileSync(broken, JSON.stringify({ format: 'aside-teams', version: 1, teams: [{ id: 'x' }] }));
    await options.getByTestId('team-import-file').setInputFiles(broken);
    await expect
      .poll(() => options.getByRole('alert').filter({ hasText: 'not an Aside teams export' }).count())
      .toBe(1);
    expect(await storedTeams(aside)).toEqual(before);
    await expect.poll(() => userRows().count()).toBe(2);
  });

  it('shows presets, patterns and validation problems in Chinese', async () => {
    await options.getByLabel('Interface language').selectOption('zh-CN');
    const preset = options.getByTestId('team-row').filter({ hasText: '辩论出答案' });
    await expect.poll(() => preset.count()).toBe(1);
    expect(await preset.innerText()).toContain('辩论');
    await preset.getByRole('button', { name: '复制后编辑' }).click();
    expect(await editor().getByLabel('团队名称').inputValue()).toBe('辩论出答案（副本）');
    expect(await member(0).getByLabel('角色名称').inputValue()).toBe('辩手 A');
    await member(3).getByRole('button', { name: '移除成员' }).click();
    await editor().getByRole('button', { name: '保存', exact: true }).click();
    await expect
      .poll(() => editor().getByTestId('team-problems').innerText())
      .toContain('辩论团队需要 1 名裁判，而不是 0 名。');
    await options.getByLabel('界面语言').selectOption('en');
  });
});
