/**
 * The agent tools' names, for pages that offer them as choices (the options
 * page's team editor) without bundling the tools' code. tool-names.test.ts
 * checks this list equals the registry's names, in order.
 */
export const agentToolNames = [
  'get_current_page',
  'get_selection',
  'list_tabs',
  'read_tab',
  'search_library',
  'read_saved_page',
  'get_datetime',
  'ask_user',
  'open_url',
  'fetch_url',
  'web_search',
  'save_page',
  'run_javascript',
] as const;

export type AgentToolName = (typeof agentToolNames)[number];
