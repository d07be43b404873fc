import { createClient } from '../llm/client';
import { isLocalURL } from '../llm/presets';
import { toProviderError } from '../llm/provider-errors';
import { defaultRetryPolicy, nextRetryDelay, type RetryPolicy, sleep } from '../llm/retry';
import { AsideError } from '../messaging/errors';
import { hostOf, toEmbedServerError } from './remote-embed-errors';

/** An OpenAI-compatible embeddings endpoint and the model asked of it. */
export interface RemoteEmbedTarget {
  /** Base URL ending in `/v1`; the SDK appends `/embeddings`. */
  readonly baseURL: string;
  readonly model: string;
  /** Asked for (OpenAI's `dimensions`) and checked in the answer. */
  readonly dimensions?: number;
}

export interface RemoteEmbedOptions {
  readonly apiKey?: string;
  readonly signal?: AbortSignal;
  /** Texts per request (default 32): servers cap a request's inputs (OpenAI 2,048, TEI 32 by default). */
  readonly batchSize?: number;
  readonly retry?: RetryPolicy;
  /** The size the library already holds for this model: an answer of another size is refused. */
  readonly expectedDims?: number;
  /** Called before each wait on a 429 or 5xx, with the wait (the server's Retry-After when it gave one). */
  readonly onRetry?: (delayMs: number, attempt: number) => void;
}

export interface RemoteEmbedResult {
  readonly dims: number;
  /** In input order, L2-normalized. */
  readonly vectors: Float32Array[];
  /** Tokens the server reported (`usage.prompt_tokens`), when it did. */
  readonly tokens?: number;
}

/**
 * Embeds texts through a server's `/v1/embeddings` with the official `openai`
 * SDK: in batches, each retried on 429 and 5xx like a chat request
 * (lib/llm/retry.ts: the server's Retry-After, else backoff with jitter), with
 * floats asked for explicitly (the SDK's default base64 is not spoken by every
 * server). The vector size is read from the answer and must be the same for
 * every text, equal to `dimensions` when asked for, and to `expectedDims`.
 * Errors name the server (lib/rag/remote-embed-errors.ts).
 */
export async function embedRemote(
  target: RemoteEmbedTarget,
  texts: readonly string[],
  options: RemoteEmbedOptions = {},
): Promise<RemoteEmbedResult> {
  const client = createClient({ baseURL: target.baseURL, apiKey: options.apiKey });
  const batchSize = options.batchSize ?? 32;
  const vectors: Float32Array[] = [];
  let tokens: number | undefined;
  let dims = options.expectedDims ?? target.dimensions ?? 0;
  for (let start = 0; start < texts.length; start += batchSize) {
    const batch = texts.slice(start, start + batchSize);
    const answer = await withRetries(target.baseURL, options, () =>
      client.embeddings.create(
        {
          model: target.model,
          input: batch,
          encoding_format: 'float',
          ...(target.dimensions ? { dimensions: target.dimensions } : {}),
        },
        options.signal ? { signal: options.signal } : {},
      ),
    );
    const data = [...(answer.data ?? [])].sort((a, b) => a.index - b.index);
    if (data.length !== batch.length) {
      throw new AsideError('embed-server-failed', `${batch.length} texts sent, ${data.length} vectors back.`, {
        params: { host: hostOf(target.baseURL) },
        detail: `${batch.length} texts sent, ${data.length} vectors received`,
      });
    }
    for (const item of data) {
      const vector = Float32Array.from(item.embedding as readonly number[]);
      if (dims === 0) dims = vector.length;
      if (vector.length !== dims || dims === 0) throw dimensionError(target, dims, vector.length);
      vectors.push(normalized(vector));
    }
    const used = answer.usage?.prompt_tokens;
    if (typeof used === 'number') tokens = (tokens ?? 0) + used;
  }
  return { dims, vectors, ...(tokens === undefined ? {} : { tokens }) };
}

/** One request, tried again on 429/5xx as long as the policy allows; failures become server errors. */
async function withRetries<T>(url: string, options: RemoteEmbedOptions, request: () => Promise<T>): Promise<T> {
  const policy = options.retry ?? defaultRetryPolicy;
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (thrown) {
      const error = toProviderError(thrown, { local: isLocalURL(url) });
      const delay = nextRetryDelay(error, attempt, policy);
      if (delay === undefined || options.signal?.aborted) throw toEmbedServerError(error, url);
      options.onRetry?.(delay, attempt);
      await sleep(delay, options.signal ?? new AbortController().signal);
    }
  }
}

function dimensionError(target: RemoteEmbedTarget, expected: number, got: number): AsideError {
  return new AsideError('embed-server-dimensions', `Expected ${expected}-dimension vectors, got ${got}.`, {
    params: { host: hostOf(target.baseURL), expected: String(expected), got: String(got) },
  });
}

function normalized(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] as number) / norm;
  return vector;
}
