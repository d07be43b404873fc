import OpenAI from 'openai';

export interface ClientOptions {
  readonly baseURL: string;
  readonly apiKey: string | undefined;
}

/**
 * The one place Aside builds an OpenAI SDK client. SDK retries are off because
 * Aside retries itself (lib/llm/retry.ts) so the UI can show each wait.
 * `dangerouslyAllowBrowser` is safe here: this only runs in the background,
 * with the user's own key, which no page or content script can read.
 */
export function createClient({ baseURL, apiKey }: ClientOptions): OpenAI {
  return new OpenAI({
    baseURL,
    // Local servers need no key, but the SDK insists on a non-empty string.
    apiKey: apiKey || 'no-key',
    maxRetries: 0,
    timeout: 120_000,
    dangerouslyAllowBrowser: true,
  });
}
