import type http from 'node:http';
import type { ScriptedResponse } from './scripted-responses';
import { chunk, pieces, roughTokens, sseDone, sseEvent, toolCallDeltas, usageChunk } from './sse-chunks';

const wait = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

export interface AnswerContext {
  readonly stream: boolean;
  readonly includeUsage: boolean;
  readonly model: string;
  /** Prompt tokens to report: the server's estimate from the request's messages (about 4 characters a token). */
  readonly promptTokens: number;
  readonly onFirstChunk: () => void;
}

/** Writes one scripted answer: an error, a raw body, a plain completion or an SSE stream. */
export async function answer(
  res: http.ServerResponse,
  response: ScriptedResponse,
  context: AnswerContext,
): Promise<void> {
  await wait(response.hangMs);
  if (response.kind === 'error') {
    res.setHeader('x-request-id', 'req_test');
    for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
    const type =
      response.status === 429
        ? 'rate_limit_exceeded'
        : response.status >= 500
          ? 'server_error'
          : 'invalid_request_error';
    sendError(res, response.status, response.message, type, null);
    return;
  }
  if (response.kind === 'raw') {
    res.writeHead(200, { 'content-type': response.contentType });
    context.onFirstChunk();
    res.end(response.body);
    return;
  }
  const ids = { id: `chatcmpl-test${Math.random().toString(36).slice(2, 10)}`, created: Math.floor(Date.now() / 1000) };
  const chunkContext = { ...ids, model: response.kind === 'text' && response.model ? response.model : context.model };

  if (!context.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(completion(response, { ...chunkContext, promptTokens: context.promptTokens })));
    return;
  }

  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  const write = async (data: unknown, first = false) => {
    if (first) context.onFirstChunk();
    // Wait until the chunk is handed to the socket, so a later destroy() cannot swallow it.
    await new Promise<void>((resolve) => res.write(sseEvent(data), () => resolve()));
    await wait(response.delayMs);
  };

  if (response.kind === 'tool-calls') {
    const deltas = toolCallDeltas(response.calls, response.fragmentSize);
    for (const [index, delta] of deltas.entries()) await write(chunk(chunkContext, delta), index === 0);
    await write(chunk(chunkContext, {}, 'tool_calls'));
    if (context.includeUsage)
      await write(usageChunk(chunkContext, context.promptTokens, roughTokens(JSON.stringify(response.calls))));
    res.end(sseDone);
    return;
  }

  await write(chunk(chunkContext, { role: 'assistant', content: '', refusal: null }), true);
  if (response.kind === 'text' && response.reasoning) {
    for (const piece of pieces(response.reasoning, response.chunkSize)) {
      await write(chunk(chunkContext, { reasoning_content: piece }));
    }
  }
  for (const piece of pieces(response.content, response.chunkSize))
    await write(chunk(chunkContext, { content: piece }));

  if (response.kind === 'broken') {
    // The connection closes before the chunked body's end: the client sees a broken stream. It is
    // closed with a FIN once the written bytes are out (destroySoon), not a reset: on a busy machine
    // a reset reached the client before it had read the last chunks, and the kernel discarded them.
    await wait(50);
    if (response.mode === 'destroy') res.socket?.destroySoon();
    else res.end();
    return;
  }
  await write(chunk(chunkContext, {}, 'stop'));
  if (context.includeUsage) await write(usageChunk(chunkContext, context.promptTokens, roughTokens(response.content)));
  res.end(sseDone);
}

/** The non-streamed form of an answer (`stream: false`). */
function completion(
  response: ScriptedResponse,
  context: { id: string; created: number; model: string; promptTokens: number },
) {
  const isTools = response.kind === 'tool-calls';
  const content = response.kind === 'text' || response.kind === 'broken' ? response.content : null;
  return {
    id: context.id,
    object: 'chat.completion',
    created: context.created,
    model: context.model,
    system_fingerprint: 'fp_aside_test',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content,
          refusal: null,
          ...(response.kind === 'text' && response.reasoning ? { reasoning_content: response.reasoning } : {}),
          ...(isTools
            ? {
                tool_calls: response.calls.map((call, index) => ({
                  id: call.id ?? `call_${index}_${call.name}`,
                  type: 'function',
                  function: { name: call.name, arguments: call.arguments },
                })),
              }
            : {}),
        },
        logprobs: null,
        finish_reason: isTools ? 'tool_calls' : 'stop',
      },
    ],
    usage: {
      prompt_tokens: context.promptTokens,
      completion_tokens: roughTokens(content ?? ''),
      total_tokens: context.promptTokens + roughTokens(content ?? ''),
    },
  };
}

/** An error with OpenAI's body shape: `{ error: { message, type, param, code } }`. */
export function sendError(
  res: http.ServerResponse,
  status: number,
  message: string,
  type: string,
  code: string | null,
) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message, type, param: null, code } }));
}
