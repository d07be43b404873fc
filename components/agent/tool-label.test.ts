import { describe, expect, it } from 'vitest';
import { agentToolNames } from '../../lib/agent/tool-names';
import { en } from '../../lib/i18n/en';
import { translator } from '../../lib/i18n/translate';
import { asUntrustedNonce, wrapToolOutput } from '../../lib/prompt/untrusted';
import { toolLabel, toolName } from './tool-label';

const en_ = translator('en');
const zh = translator('zh-CN');
const nonce = asUntrustedNonce('00112233445566aa');
if (!nonce) throw new Error('bad nonce');
const tabResult = wrapToolOutput('read_tab', 'Text', { title: 'Mozilla – Wikipedia', url: 'https://w.org/M' }, nonce);

describe('toolLabel', () => {
  it('names every built-in tool in English and Chinese, never by its id', () => {
    for (const tool of agentToolNames) {
      expect(toolName(tool, en_)).not.toContain('_');
      expect(toolName(tool, zh)).not.toBe(toolName(tool, en_));
    }
  });

  it('says which tab was read, from the title its result carries', () => {
    const call = { tool: 'read_tab', arguments: '{"tabId": 2058511557}', preview: `${tabResult.slice(0, 200)}…` };
    expect(toolLabel(call, en_)).toBe('Read tab: Mozilla – Wikipedia');
    expect(toolLabel(call, zh)).toBe('读取标签页：Mozilla – Wikipedia');
    // Before it ran (or when it failed) there is no title: no id either.
    expect(toolLabel({ tool: 'read_tab', arguments: '{"tabId": 7}' }, en_)).toBe('Read tab');
  });

  it('puts the query, the question or the address after the name', () => {
    expect(toolLabel({ tool: 'web_search', arguments: '{"query":"Emscripten"}' }, en_)).toBe(
      'Search the web: Emscripten',
    );
    expect(toolLabel({ tool: 'ask_user', arguments: '{"question":"Budget?"}' }, zh)).toBe('询问你：Budget?');
    expect(toolLabel({ tool: 'open_url', arguments: '{"url":"https://a.example/"}' }, en_)).toBe(
      'Open in a new tab: https://a.example/',
    );
    expect(toolLabel({ tool: 'search_library', arguments: 'not json' }, en_)).toBe('Search the library');
  });

  it('names an MCP tool by its server and title, or by what its name says when the server is gone', () => {
    const mcp = new Map([['weather__get_forecast', { server: 'Weather', title: 'Weather forecast' }]]);
    expect(toolLabel({ tool: 'weather__get_forecast', arguments: '{"city":"Lyon"}' }, en_, mcp)).toBe(
      'Weather · Weather forecast',
    );
    expect(toolName('notes__read_inbox', en_, mcp)).toBe('notes · read inbox');
  });

  it('says a tool is unknown when the model made one up', () => {
    expect(toolName('delete_all', en_)).toBe(en['tool.unknown'].replace('{name}', 'delete_all'));
  });
});
