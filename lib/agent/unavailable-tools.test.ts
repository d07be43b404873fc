import { describe, expect, it } from 'vitest';
import { parseToolCall } from './parse-tool-call';
import { availableTools } from './registry';
import { noSandboxInFirefox, unavailableTools } from './unavailable-tools';

const call = { id: 'c1', name: 'run_javascript', arguments: '{"code":"1 + 2"}' };

describe('tools a browser cannot offer', () => {
  it('offers run_javascript in Chrome and not in Firefox', () => {
    expect(availableTools(false).map((tool) => tool.name)).toContain('run_javascript');
    const firefox = availableTools(true).map((tool) => tool.name);
    expect(firefox).not.toContain('run_javascript');
    expect(firefox).toEqual(
      availableTools(false)
        .map((tool) => tool.name)
        .filter((name) => name !== 'run_javascript'),
    );
  });

  it('tells a model calling run_javascript in Firefox why it is off and what to do instead', () => {
    const parsed = parseToolCall(call, availableTools(true), unavailableTools(true));
    expect(parsed).toEqual({ ok: false, error: noSandboxInFirefox });
    expect(noSandboxInFirefox).toMatch(/not available in this browser.*Firefox.*yourself/s);
    // In Chrome the same call is the tool's.
    const chrome = parseToolCall(call, availableTools(false), unavailableTools(false));
    expect(chrome.ok && chrome.tool.name).toBe('run_javascript');
  });

  it('keeps the unknown-tool message for any other name', () => {
    const parsed = parseToolCall({ ...call, name: 'delete_everything' }, availableTools(true), unavailableTools(true));
    expect(parsed.ok ? '' : parsed.error).toMatch(/^Unknown tool "delete_everything"/);
  });
});
