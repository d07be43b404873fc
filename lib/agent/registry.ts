import type { AgentTool } from './tool';
import { askUser } from './tools/ask-user';
import { fetchUrl } from './tools/fetch-url';
import { getCurrentPage } from './tools/get-current-page';
import { getDatetime } from './tools/get-datetime';
import { getSelection } from './tools/get-selection';
import { listTabs } from './tools/list-tabs';
import { openUrl } from './tools/open-url';
import { readSavedPage } from './tools/read-saved-page';
import { readTab } from './tools/read-tab';
import { runJavascript } from './tools/run-javascript';
import { savePage } from './tools/save-page';
import { searchLibrary } from './tools/search-library';
import { webSearch } from './tools/web-search';
import { unavailableTools } from './unavailable-tools';

/** Every tool the agent can call, explicitly listed; registry.test.ts checks none is forgotten. */
export const agentTools: readonly AgentTool[] = [
  getCurrentPage,
  getSelection,
  listTabs,
  readTab,
  searchLibrary,
  readSavedPage,
  getDatetime,
  askUser,
  openUrl,
  fetchUrl,
  webSearch,
  savePage,
  runJavascript,
];

/** The tools of this build: Firefox has no sandbox for run_javascript, which is not offered there (unavailable-tools.ts). */
export function availableTools(firefox: boolean = import.meta.env.FIREFOX): readonly AgentTool[] {
  const unavailable = unavailableTools(firefox);
  return agentTools.filter((tool) => !unavailable.has(tool.name));
}
