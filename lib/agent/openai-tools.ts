import type OpenAI from 'openai';
import { z } from 'zod';
import type { AgentTool } from './tool';

/** The tools as OpenAI function definitions, their parameters converted from the zod schemas. */
export function toOpenAITools(tools: readonly AgentTool[]): OpenAI.Chat.Completions.ChatCompletionTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: toolParameters(tool) },
  }));
}

/** JSON Schema for a tool's input, without the `$schema` key some providers reject. */
export function toolParameters(tool: AgentTool): Record<string, unknown> {
  if (tool.parameters) return tool.parameters;
  const { $schema: _ignored, ...schema } = z.toJSONSchema(tool.input, { io: 'input' }) as Record<string, unknown>;
  return schema;
}
