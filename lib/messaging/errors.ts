/**
 * Errors that cross extension contexts. Each has a stable `code` the UI turns
 * into a localized sentence (see lib/i18n), plus an English `message` for logs.
 * They are serialized to plain objects on one side and rebuilt on the other,
 * because structured clone drops class identity.
 */
export const errorCodes = [
  'auth',
  'model-not-found',
  'rate-limit',
  'server',
  'network',
  'stream-broken',
  'bad-request',
  'local-origin-refused',
  'no-provider',
  'page-unreadable',
  'page-no-content-script',
  'cancelled',
  'invalid-message',
  /** The sender may not make this request (lib/messaging/protocol.ts declares who may). */
  'forbidden',
  /** A stored API key was saved for another origin than the one it would go to (lib/settings/api-keys.ts). */
  'key-origin',
  'not-found',
  'quota-exceeded',
  'invalid-file',
  'internal',
  // Local embeddings (RAG embedder)
  'model-unreachable',
  'model-load-failed',
  'embedder-unavailable',
  // MCP servers (lib/mcp/mcp-errors.ts)
  'mcp-unreachable',
  'mcp-timeout',
  'mcp-auth',
  'mcp-http',
  'mcp-protocol',
  'mcp-error',
  // Web search (lib/search): the message names the engine (`params.engine`).
  /** No engine is chosen, or the chosen one lacks its address. */
  'search-not-set-up',
  'search-key-missing',
  'search-key-rejected',
  'search-rate-limit',
  'search-unreachable',
  /** The engine answered, but not in its documented format (or with a server error). */
  'search-failed',
  /** No-key mode: the results page was a sign-in, consent or robot check, not results. */
  'search-blocked',
  /** The user did not allow the first web search. */
  'search-declined',
  // PDFs (lib/pdf)
  /** The tab shows a PDF: the content script has no text to give, the PDF path reads it (lib/tabs/capture-tab.ts). */
  'page-is-pdf',
  'pdf-no-text',
  'pdf-encrypted',
  'pdf-broken',
  'pdf-too-large',
  /** A file:// tab, and the user has not allowed Aside to read file URLs. */
  'file-access-needed',
  /** This browser cannot extract PDFs in the background (Firefox has no offscreen document). */
  'pdf-unavailable',
  // MCP resources and prompts (issue 15): content that is not text (`params`: server, name, type).
  'mcp-content',
  // Images and screenshots (lib/vision)
  /** The chosen model is not marked as reading images (`params.model`). */
  'vision-unsupported',
  /** Not a PNG, JPEG, WebP or GIF (`params.type`). */
  'image-unsupported',
  'image-unreadable',
  'image-too-large',
  'too-many-images',
  /** The browser refused to capture the tab (its own pages, the Web Store, another extension's page). */
  'screenshot-failed',
  // Embeddings and reranking on a server (lib/rag/remote-embed.ts, rerank.ts): the message names the host.
  'embed-server-auth',
  'embed-server-not-found',
  /** Still rate limited after the retries (each waited as long as the server asked). */
  'embed-server-rate-limit',
  /** Unreachable, or a 5xx after the retries. */
  'embed-server-down',
  /** Vectors of another size than asked for, or than the library already holds for this model. */
  'embed-server-dimensions',
  'embed-server-failed',
  'rerank-failed',
  // Local files (lib/files): the message names the file (`params.name`).
  /** Not a format Aside reads (PDF, Word, Markdown, text, HTML, CSV). */
  'file-unsupported',
  /** Larger than its format's limit (`params.size`, `params.max`). */
  'file-too-large',
  /** No text in it. */
  'file-empty',
  /** Damaged, or not what its name says. */
  'file-broken',
  /** A Word file that is password-protected (or an old binary .doc). */
  'file-docx-protected',
  // Video transcripts (lib/video)
  /** A YouTube or Bilibili watch page whose video has no captions Aside may read. */
  'video-no-captions',
  /** The video has captions, but the site's page, player API or caption file did not give them. */
  'video-captions-failed',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface SerializedError {
  readonly name: 'AsideError';
  readonly code: ErrorCode;
  readonly message: string;
  readonly status?: number;
  readonly detail?: string;
  /** Values the localized sentence names, e.g. `{ engine: 'Brave Search' }`. */
  readonly params?: Readonly<Record<string, string>>;
}

export class AsideError extends Error {
  override readonly name = 'AsideError';
  readonly code: ErrorCode;
  readonly status?: number;
  /** Extra text shown under the user-facing sentence, e.g. the provider's own message. */
  readonly detail?: string;
  /** Values the localized sentence names (see SerializedError.params). */
  readonly params?: Readonly<Record<string, string>>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { status?: number; detail?: string; cause?: unknown; params?: Readonly<Record<string, string>> } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.detail = options.detail;
    this.params = options.params;
  }

  toJSON(): SerializedError {
    return {
      name: 'AsideError',
      code: this.code,
      message: this.message,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(this.params === undefined ? {} : { params: this.params }),
    };
  }

  static fromJSON(data: SerializedError): AsideError {
    return new AsideError(data.code, data.message, { status: data.status, detail: data.detail, params: data.params });
  }

  /** Anything thrown becomes an AsideError; unknown failures keep their text as `detail`. */
  static from(error: unknown): AsideError {
    if (error instanceof AsideError) return error;
    if (isSerializedError(error)) return AsideError.fromJSON(error);
    const text = error instanceof Error ? error.message : String(error);
    return new AsideError('internal', text, { detail: text, cause: error });
  }
}

export function isSerializedError(value: unknown): value is SerializedError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { name?: unknown }).name === 'AsideError' &&
    errorCodes.includes((value as { code?: ErrorCode }).code as ErrorCode)
  );
}
