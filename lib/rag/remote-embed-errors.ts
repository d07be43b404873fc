import { AsideError } from '../messaging/errors';

/**
 * A provider error (lib/llm/provider-errors.ts) said of an embeddings or
 * rerank server, with a code whose sentence names the server and what to do.
 * Errors already about something else (cancelled, a key bound to another
 * origin, Ollama refusing the extension's Origin) pass through unchanged.
 */
export function toEmbedServerError(error: AsideError, url: string): AsideError {
  const host = hostOf(url);
  const options = {
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.detail === undefined ? {} : { detail: error.detail }),
    params: { host },
    cause: error,
  };
  switch (error.code) {
    case 'auth':
      return new AsideError('embed-server-auth', `${host} refused the key.`, options);
    case 'model-not-found':
      return new AsideError('embed-server-not-found', `${host} does not know this model or address.`, options);
    case 'rate-limit':
      return new AsideError('embed-server-rate-limit', `${host} is still rate limiting after retries.`, options);
    case 'network':
    case 'server':
      return new AsideError('embed-server-down', `${host} is not answering.`, options);
    case 'bad-request':
    case 'internal':
      return new AsideError('embed-server-failed', `${host} could not embed the texts.`, options);
    default:
      return error;
  }
}

/** The host a server's URL names, for messages ("127.0.0.1:11434"). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
