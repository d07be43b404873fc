/** What running a snippet produced: console output, the returned value, or the error. */
export interface CodeOutcome {
  readonly output: string;
  readonly result?: string;
  readonly error?: string;
}

const maxOutputChars = 20_000;

function format(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Runs model-written JavaScript and captures what it logs and returns. Only
 * ever called inside the sandboxed page: this is eval by design, made safe by
 * where it runs (no network, no extension APIs, killed on timeout), not by
 * what it does. An expression is tried first so `1 + 2` returns 3.
 */
export async function runCode(code: string): Promise<CodeOutcome> {
  const lines: string[] = [];
  let size = 0;
  const log = (...args: unknown[]) => {
    const line = args.map(format).join(' ');
    size += line.length;
    if (size <= maxOutputChars) lines.push(line);
  };
  const sandboxConsole = { log, info: log, warn: log, error: log, debug: log };
  let compiled: (console: typeof sandboxConsole) => Promise<unknown>;
  try {
    compiled = new Function('console', `"use strict"; return (async () => (\n${code}\n))();`) as typeof compiled;
  } catch {
    try {
      compiled = new Function('console', `"use strict"; return (async () => {\n${code}\n})();`) as typeof compiled;
    } catch (error) {
      return { output: '', error: String(error) };
    }
  }
  const output = () => (size > maxOutputChars ? `${lines.join('\n')}\n[output cut]` : lines.join('\n'));
  try {
    const value = await compiled(sandboxConsole);
    return { output: output(), ...(value === undefined ? {} : { result: format(value) }) };
  } catch (error) {
    return { output: output(), error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
