import type { ToolCallSpec } from './sse-chunks';

/** What the test server answers to one chat completion request, scripted by a test. */
export type ScriptedResponse =
  | {
      readonly kind: 'text';
      readonly content: string;
      readonly reasoning?: string;
      readonly chunkSize: number;
      readonly delayMs: number;
      readonly hangMs: number;
      readonly model?: string;
    }
  | {
      readonly kind: 'tool-calls';
      readonly calls: readonly ToolCallSpec[];
      readonly fragmentSize: number;
      readonly delayMs: number;
      readonly hangMs: number;
    }
  | {
      readonly kind: 'error';
      readonly status: number;
      readonly message: string;
      readonly headers: Readonly<Record<string, string>>;
      readonly hangMs: number;
    }
  | {
      readonly kind: 'broken';
      readonly content: string;
      /** `destroy` cuts the socket mid-stream; `no-finish` ends cleanly but without finish_reason or [DONE]. */
      readonly mode: 'destroy' | 'no-finish';
      readonly chunkSize: number;
      readonly delayMs: number;
      readonly hangMs: number;
    }
  | { readonly kind: 'raw'; readonly body: string; readonly contentType: string; readonly hangMs: number };

interface Timing {
  /** Pause between chunks. */
  readonly delayMs?: number;
  /** Pause before the response starts (a slow provider). */
  readonly hangMs?: number;
}

/** A streamed (or, for `stream: false` requests, plain) text answer. */
export function text(
  content: string,
  options: Timing & { reasoning?: string; chunkSize?: number; model?: string } = {},
): ScriptedResponse {
  return {
    kind: 'text',
    content,
    chunkSize: options.chunkSize ?? 8,
    delayMs: options.delayMs ?? 0,
    hangMs: options.hangMs ?? 0,
    ...(options.reasoning === undefined ? {} : { reasoning: options.reasoning }),
    ...(options.model === undefined ? {} : { model: options.model }),
  };
}

/** One or several (parallel) tool calls, arguments split into fragments per index. */
export function toolCalls(
  calls: readonly ToolCallSpec[],
  options: Timing & { fragmentSize?: number } = {},
): ScriptedResponse {
  return {
    kind: 'tool-calls',
    calls,
    fragmentSize: options.fragmentSize ?? 5,
    delayMs: options.delayMs ?? 0,
    hangMs: options.hangMs ?? 0,
  };
}

/** An HTTP error with OpenAI's error body. */
export function error(
  status: number,
  options: { message?: string; headers?: Record<string, string>; hangMs?: number } = {},
): ScriptedResponse {
  return {
    kind: 'error',
    status,
    message: options.message ?? `Test server error ${status}`,
    headers: options.headers ?? {},
    hangMs: options.hangMs ?? 0,
  };
}

/** A stream that breaks after `content`. */
export function broken(
  content: string,
  options: Timing & { mode?: 'destroy' | 'no-finish'; chunkSize?: number } = {},
): ScriptedResponse {
  return {
    kind: 'broken',
    content,
    mode: options.mode ?? 'destroy',
    chunkSize: options.chunkSize ?? 8,
    delayMs: options.delayMs ?? 0,
    hangMs: options.hangMs ?? 0,
  };
}

/** A body sent verbatim, e.g. a recorded SSE stream. */
export function raw(
  body: string,
  contentType = 'text/event-stream',
  options: { hangMs?: number } = {},
): ScriptedResponse {
  return { kind: 'raw', body, contentType, hangMs: options.hangMs ?? 0 };
}
