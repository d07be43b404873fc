import { toOpenAITools } from '../agent/openai-tools';
import { agentTools } from '../agent/registry';
import type { ToolDefinition } from './finetune-schemas';

/** Function definitions for the named tools, as the agent offers them today, in the registry's order. */
export type ToolsFor = (names: ReadonlySet<string>) => ToolDefinition[];

/**
 * The registry's definitions of the tools a run used. A tool no longer in the
 * registry (renamed or removed since) gets a bare definition, so its calls
 * still pair with a defined tool.
 */
export const agentToolDefinitions: ToolsFor = (names) => {
  const known = agentTools.filter((tool) => names.has(tool.name));
  const missing = [...names].filter((name) => !known.some((tool) => tool.name === name));
  return [
    ...toOpenAITools(known).flatMap((tool) =>
      tool.type === 'function'
        ? [
            {
              type: 'function' as const,
              function: {
                name: tool.function.name,
                ...(tool.function.description ? { description: tool.function.description } : {}),
                parameters: tool.function.parameters ?? { type: 'object', properties: {} },
              },
            },
          ]
        : [],
    ),
    ...missing.map((name) => ({
      type: 'function' as const,
      function: { name, parameters: { type: 'object', properties: {} } },
    })),
  ];
};
