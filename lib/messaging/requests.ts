import { type Browser, browser } from 'wxt/browser';
import { AsideError, type SerializedError } from './errors';
import {
  type BackgroundRequests,
  backgroundRequests,
  type OffscreenRequests,
  offscreenRequests,
  type ParsedRequestOf,
  type RequestMap,
  type RequestOf,
  type ResponseOf,
  serializedErrorSchema,
  type TabRequests,
  tabRequests,
} from './protocol';
import { identifySender, type SenderOf } from './senders';

/** The envelope every Aside request travels in; `aside` tells our messages from anyone else's. */
interface Envelope {
  readonly aside: 1;
  readonly type: string;
  readonly payload: unknown;
}
type Reply = { ok: true; value: unknown } | { ok: false; error: SerializedError };

/** Each handler gets the validated request and the sender as identified, narrowed to the kinds its policy allows. */
export type Handlers<M extends RequestMap> = {
  [K in keyof M]: (
    request: ParsedRequestOf<M, K>,
    sender: SenderOf<M[K]['senders'][number]>,
  ) => Promise<ResponseOf<M, K>>;
};

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Envelope).aside === 1 &&
    typeof (message as Envelope).type === 'string'
  );
}

async function unwrap<M extends RequestMap, K extends keyof M & string>(
  map: M,
  type: K,
  reply: unknown,
): Promise<ResponseOf<M, K>> {
  if (typeof reply !== 'object' || reply === null) {
    throw new AsideError('internal', `No answer to ${type}`);
  }
  const typed = reply as Reply;
  if (!typed.ok) throw AsideError.fromJSON(serializedErrorSchema.parse(typed.error) as SerializedError);
  return map[type]!.response.parse(typed.value) as ResponseOf<M, K>;
}

/** Sends a typed request to the background and returns its validated response. */
export async function callBackground<K extends keyof BackgroundRequests & string>(
  type: K,
  payload: RequestOf<BackgroundRequests, K>,
): Promise<ResponseOf<BackgroundRequests, K>> {
  const reply: unknown = await browser.runtime.sendMessage({ aside: 1, type, payload } satisfies Envelope);
  return unwrap(backgroundRequests, type, reply);
}

/** Sends a typed request to the offscreen document (the embedder host); only the background calls this. */
export async function callOffscreen<K extends keyof OffscreenRequests & string>(
  type: K,
  payload: RequestOf<OffscreenRequests, K>,
): Promise<ResponseOf<OffscreenRequests, K>> {
  const reply: unknown = await browser.runtime.sendMessage({ aside: 1, type, payload } satisfies Envelope);
  return unwrap(offscreenRequests, type, reply);
}

/** Sends a typed request to the content script of one tab. */
export async function callTab<K extends keyof TabRequests & string>(
  tabId: number,
  type: K,
  payload: RequestOf<TabRequests, K>,
): Promise<ResponseOf<TabRequests, K>> {
  const reply: unknown = await browser.tabs.sendMessage(tabId, { aside: 1, type, payload } satisfies Envelope);
  return unwrap(tabRequests, type, reply);
}

/**
 * Registers handlers for one request map: the one place the protocol's sender
 * policy is enforced. A request from a sender its policy does not list is
 * refused with `forbidden` before its payload is parsed; then the payload is
 * validated against its schema; a thrown error goes back as a SerializedError.
 * Returns a function that removes the listener.
 */
export function serveRequests<M extends RequestMap>(map: M, handlers: Handlers<M>): () => void {
  const handle = async (
    type: keyof M & string,
    payload: unknown,
    browserSender: Browser.runtime.MessageSender,
  ): Promise<Reply> => {
    try {
      const spec = map[type]!;
      const sender = identifySender(browserSender);
      if (!sender || !spec.senders.includes(sender.kind)) {
        throw new AsideError('forbidden', `${type} is not accepted from ${sender?.kind ?? 'an unknown sender'}.`);
      }
      const parsed = spec.request.safeParse(payload);
      if (!parsed.success) {
        throw new AsideError('invalid-message', `Invalid ${type} request: ${parsed.error.message}`);
      }
      const value = await handlers[type](parsed.data as never, sender as never);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: AsideError.from(error).toJSON() };
    }
  };
  // sendResponse + `return true` rather than returning a Promise: the form every browser supports.
  const listener = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (reply: Reply) => void,
  ): true | undefined => {
    if (!isEnvelope(message) || !Object.hasOwn(map, message.type)) return undefined;
    void handle(message.type as keyof M & string, message.payload, sender).then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export const serveBackgroundRequests = (handlers: Handlers<BackgroundRequests>) =>
  serveRequests(backgroundRequests, handlers);
export const serveTabRequests = (handlers: Handlers<TabRequests>) => serveRequests(tabRequests, handlers);
export const serveOffscreenRequests = (handlers: Handlers<OffscreenRequests>) =>
  serveRequests(offscreenRequests, handlers);
