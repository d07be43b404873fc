import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolParameters } from './openai-tools';
import { agentTools } from './registry';

const toolsDir = path.join(import.meta.dirname, 'tools');
const toolFiles = readdirSync(toolsDir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));

describe('the tool registry', () => {
  it('registers every file in lib/agent/tools, each named after its tool', () => {
    const registered = agentTools.map((tool) => `${tool.name.replaceAll('_', '-')}.ts`).sort();
    expect(registered).toEqual([...toolFiles].sort());
  });

  it('has unique names OpenAI accepts and a risk for every tool', () => {
    const names = agentTools.map((tool) => tool.name);
    expect(new Set(names).size).toBe(names.length);
    for (const tool of agentTools) {
      expect(tool.name).toMatch(/^[a-z_]{1,64}$/);
      expect(['read', 'effect']).toContain(tool.risk);
      expect(tool.description.length).toBeGreaterThan(10);
      // Effects show their target in the consent prompt.
      if (tool.risk === 'effect') expect(tool.target).toBeTypeOf('function');
    }
  });

  it.each(agentTools.map((tool) => [tool.name, tool] as const))(
    'converts the %s schema to a JSON object schema',
    (_name, tool) => {
      const schema = toolParameters(tool);
      expect(schema.type).toBe('object');
      expect(schema).not.toHaveProperty('$schema');
    },
  );

  it('refuses non-http URLs for effect tools', () => {
    const fetchUrl = agentTools.find((tool) => tool.name === 'fetch_url');
    expect(fetchUrl?.input.safeParse({ url: 'javascript:alert(1)' }).success).toBe(false);
    expect(fetchUrl?.input.safeParse({ url: 'file:///etc/passwd' }).success).toBe(false);
    expect(fetchUrl?.input.safeParse({ url: 'https://example.com/a?b=c' }).success).toBe(true);
  });
});
