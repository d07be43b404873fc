import { repairJson } from '../parse-tool-call';

/**
 * The first JSON value in a model's reply, tolerating code fences, prose
 * around it and the usual small mistakes; undefined when there is none.
 */
export function jsonInReply(text: string): unknown {
  const fenced = text.match(/```(?:json)?\s*([\s\S]*?)```/i)?.[1];
  const candidates = [fenced, text, text.match(/[[{][\s\S]*[\]}]/)?.[0]].filter(
    (candidate): candidate is string => candidate !== undefined && candidate.trim() !== '',
  );
  for (const candidate of candidates) {
    for (const attempt of [candidate, repairJson(candidate)]) {
      try {
        return JSON.parse(attempt);
      } catch {
        // try the next form
      }
    }
  }
  return undefined;
}

/** A list of task texts: a JSON array of strings, or failing that the reply's bullet or numbered lines. */
export function taskList(text: string): string[] {
  const json = jsonInReply(text);
  const items = Array.isArray(json)
    ? json.map((item) =>
        typeof item === 'string' ? item : typeof item === 'object' && item && 'task' in item ? String(item.task) : '',
      )
    : text.split('\n').flatMap((line) => line.match(/^\s*(?:[-*•]|\d+[.)])\s+(.+)$/)?.[1] ?? []);
  return items
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .slice(0, 20);
}

/** An order of `count` items from 1-based numbers in the reply; missing ones keep their place at the end. */
export function priorityOrder(text: string, count: number): number[] {
  const json = jsonInReply(text);
  const numbers = (Array.isArray(json) ? json : (text.match(/\d+/g) ?? [])).map(Number);
  const order: number[] = [];
  for (const number of numbers) {
    const index = number - 1;
    if (Number.isInteger(index) && index >= 0 && index < count && !order.includes(index)) order.push(index);
  }
  for (let index = 0; index < count; index++) if (!order.includes(index)) order.push(index);
  return order;
}

/** The manager's choice: who speaks next and what for, or that the team is finished. */
export interface ManagerDecision {
  readonly finish: boolean;
  readonly next?: string;
  readonly instruction: string;
}

/** Reads `{"next": "<name>", "instruction": "…"}` or `{"next": "FINISH"}`; undefined when unreadable. */
export function managerDecision(text: string): ManagerDecision | undefined {
  const json = jsonInReply(text);
  if (!json || typeof json !== 'object' || !('next' in json) || typeof json.next !== 'string') return undefined;
  const instruction = 'instruction' in json && typeof json.instruction === 'string' ? json.instruction : '';
  if (/^(finish|done|terminate)$/i.test(json.next.trim())) return { finish: true, instruction };
  return { finish: false, next: json.next.trim(), instruction };
}
