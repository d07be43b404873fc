import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseToolCall, repairJson } from './parse-tool-call';
import { tool } from './tool';

const search = tool({
  name: 'search',
  description: 'test',
  input: z.object({ query: z.string().min(1), limit: z.number().int().optional() }),
  risk: 'read',
  run: async ({ query }) => query,
});
const call = (args: string, name = 'search') => parseToolCall({ id: 'c1', name, arguments: args }, [search]);

describe('parseToolCall', () => {
  it('accepts valid arguments without repair', () => {
    expect(call('{"query":"cats","limit":2}')).toMatchObject({
      ok: true,
      input: { query: 'cats', limit: 2 },
      repaired: false,
    });
  });

  it.each([
    ['a trailing comma', '{"query": "cats",}'],
    ['a code fence', '```json\n{"query": "cats"}\n```'],
    ['single quotes', "{'query': 'cats'}"],
    ['missing braces', '"query": "cats"'],
  ])('repairs %s once', (_label, args) => {
    expect(call(args)).toMatchObject({ ok: true, input: { query: 'cats' }, repaired: true });
  });

  it('treats empty arguments as an empty object', () => {
    const parsed = call('');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toContain('query');
  });

  it('reports JSON it cannot repair, schema mismatches and unknown tools as text for the model', () => {
    const broken = call('{"query": "cats"');
    expect(broken).toMatchObject({ ok: false });
    expect(broken.ok ? '' : broken.error).toMatch(/not valid JSON/);
    const wrongType = call('{"query": 5}');
    expect(wrongType.ok ? '' : wrongType.error).toMatch(/Invalid arguments for search: query/);
    const unknown = call('{}', 'delete_everything');
    expect(unknown.ok ? '' : unknown.error).toBe('Unknown tool "delete_everything". Available tools: search.');
  });

  it('leaves double-quoted text with apostrophes alone', () => {
    expect(repairJson(`{"query": "it's",}`)).toBe(`{"query": "it's"}`);
  });
});
