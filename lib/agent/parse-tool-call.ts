import type { AgentTool } from './tool';
import { unavailableTools } from './unavailable-tools';

/** A tool call as the model sent it: a name and arguments as raw text. */
export interface RawToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

export type ParsedToolCall =
  | { readonly ok: true; readonly tool: AgentTool; readonly input: unknown; readonly repaired: boolean }
  | { readonly ok: false; readonly error: string };

/**
 * Fixes the mistakes weaker models make most often in JSON arguments: code
 * fences around it, single-quoted strings, trailing commas, nothing at all.
 * One pass; if the result still does not parse the caller reports the error.
 */
export function repairJson(text: string): string {
  let fixed = text.trim();
  const fence = fixed.match(/^```(?:json)?\s*([\s\S]*?)\s*```$/i);
  if (fence?.[1] !== undefined) fixed = fence[1].trim();
  if (fixed === '') return '{}';
  // Single-quoted keys and values become double-quoted when the text has no double quotes to confuse.
  if (!fixed.includes('"')) fixed = fixed.replace(/'((?:[^'\\]|\\.)*)'/g, (_, inner: string) => JSON.stringify(inner));
  fixed = fixed.replace(/,\s*([}\]])/g, '$1');
  // A bare object body (`"a": 1`) gets its braces.
  if (!fixed.startsWith('{') && /^"[^"]+"\s*:/.test(fixed)) fixed = `{${fixed}}`;
  return fixed;
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Turns a raw tool call into a validated one, or into an error text the model
 * can act on (unknown tool, invalid JSON, arguments not matching the schema).
 * Never throws: a bad tool call must not crash the loop.
 */
export function parseToolCall(
  call: RawToolCall,
  tools: readonly AgentTool[],
  unavailable: ReadonlyMap<string, string> = unavailableTools(),
): ParsedToolCall {
  const tool = tools.find((candidate) => candidate.name === call.name);
  // A tool this browser cannot offer: say why, so the model does the work another way instead of retrying.
  const reason = tool ? undefined : unavailable.get(call.name);
  if (reason) return { ok: false, error: reason };
  if (!tool) {
    const names = tools.map((candidate) => candidate.name).join(', ');
    return { ok: false, error: `Unknown tool "${call.name}". Available tools: ${names}.` };
  }
  let repaired = false;
  let json = tryJson(call.arguments.trim() === '' ? '{}' : call.arguments);
  if (!json.ok) {
    const again = tryJson(repairJson(call.arguments));
    if (!again.ok) {
      return {
        ok: false,
        error: `The arguments for ${tool.name} are not valid JSON (${json.error}). Send a JSON object.`,
      };
    }
    json = again;
    repaired = true;
  }
  const parsed = tool.input.safeParse(json.value ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return { ok: false, error: `Invalid arguments for ${tool.name}: ${issues.join('; ')}` };
  }
  return { ok: true, tool, input: parsed.data, repaired };
}
