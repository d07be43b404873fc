import OpenAI from 'openai';
import { AsideError } from '../messaging/errors';

/** The provider's own error text, when its body carried one. */
function providerDetail(error: InstanceType<typeof OpenAI.APIError>): string | undefined {
  const body = error.error as { message?: unknown } | undefined;
  if (body && typeof body.message === 'string') return body.message;
  return error.message || undefined;
}

/**
 * Turns whatever the openai SDK throws into an AsideError with a code the UI
 * can explain. `local` marks localhost providers, where a 403 almost always
 * means the server refused the extension's Origin (Ollama's OLLAMA_ORIGINS).
 */
export function toProviderError(error: unknown, options: { local?: boolean } = {}): AsideError {
  if (error instanceof AsideError) return error;
  if (error instanceof OpenAI.APIUserAbortError) return new AsideError('cancelled', 'Stopped.', { cause: error });
  if (error instanceof OpenAI.APIConnectionError) {
    return new AsideError('network', 'Could not reach the provider.', { detail: error.message, cause: error });
  }
  if (error instanceof OpenAI.APIError) {
    const status = error.status;
    const detail = providerDetail(error);
    const options_ = { status, detail, cause: error };
    if (status === 401) return new AsideError('auth', 'The provider rejected the API key.', options_);
    if (status === 403 && options.local) {
      return new AsideError('local-origin-refused', 'The local server refused requests from the extension.', options_);
    }
    if (status === 403) return new AsideError('auth', 'The provider refused access.', options_);
    if (status === 404)
      return new AsideError('model-not-found', 'The provider does not know this model or URL.', options_);
    if (status === 429) return new AsideError('rate-limit', 'The provider is rate limiting requests.', options_);
    if (status !== undefined && status >= 500)
      return new AsideError('server', 'The provider had a server error.', options_);
    return new AsideError('bad-request', 'The provider rejected the request.', options_);
  }
  if (error instanceof Error && error.name === 'AbortError')
    return new AsideError('cancelled', 'Stopped.', { cause: error });
  return AsideError.from(error);
}

/** Errors worth trying again after a pause. */
export function isRetryable(error: AsideError): boolean {
  return error.code === 'rate-limit' || error.code === 'server';
}

/** The wait the provider asked for, from `retry-after-ms` or `retry-after` headers, in ms. */
export function retryAfterMs(error: AsideError): number | undefined {
  const cause = error.cause;
  if (!(cause instanceof OpenAI.APIError) || !cause.headers) return undefined;
  const ms = Number(cause.headers.get('retry-after-ms'));
  if (cause.headers.get('retry-after-ms') !== null && Number.isFinite(ms)) return ms;
  const header = cause.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
