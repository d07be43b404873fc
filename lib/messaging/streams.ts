import { type Browser, browser } from 'wxt/browser';
import type { z } from 'zod';
import { actionEventSchema, actionStartSchema, isTerminalActionEvent } from '../actions/action-stream-protocol';
import { agentEventSchema, agentStartSchema, isTerminalAgentEvent } from '../agent/agent-stream-protocol';
import { isTerminalTeamEvent, teamEventSchema, teamStartSchema } from '../agent/teams/team-stream-protocol';
import { chatEventSchema, chatStartSchema, isTerminalChatEvent } from '../chat/chat-stream-protocol';
import { AsideError } from './errors';
import { identifySender, type SenderKind, type SenderOf } from './senders';

interface StreamSpec {
  /** Who may open the stream; anyone else gets a `forbidden` error event and a closed port. */
  readonly senders: readonly SenderKind[];
  readonly start: z.ZodType;
  readonly event: z.ZodType;
  readonly isTerminal: (event: never) => boolean;
  /** The work goes on when the client goes away (agent and team runs, which store what they do). */
  readonly outlivesClient?: true;
}

/**
 * Long work streams typed events over a Port. A stream is declared once with
 * who may open it, the schema of its start message, its event schema and
 * which events end it. The side panel's streams name tabs, conversations and
 * the library, so only Aside's own pages may open them; the in-page card's
 * action stream works on the sender's own tab, which it takes from the port.
 */
export const streams = {
  chat: { senders: ['extensionPage'], start: chatStartSchema, event: chatEventSchema, isTerminal: isTerminalChatEvent },
  agent: {
    senders: ['extensionPage'],
    start: agentStartSchema,
    event: agentEventSchema,
    isTerminal: isTerminalAgentEvent,
    outlivesClient: true,
  },
  action: {
    senders: ['contentScript'],
    start: actionStartSchema,
    event: actionEventSchema,
    isTerminal: isTerminalActionEvent,
  },
  team: {
    senders: ['extensionPage'],
    start: teamStartSchema,
    event: teamEventSchema,
    isTerminal: isTerminalTeamEvent,
    outlivesClient: true,
  },
} as const satisfies Record<string, StreamSpec>;

type Streams = typeof streams;
export type StreamName = keyof Streams;
export type StartOf<N extends StreamName> = z.input<Streams[N]['start']>;
export type EventOf<N extends StreamName> = z.output<Streams[N]['event']>;

const portPrefix = 'aside:';

/** The abort reason when the client went away (panel closed, reloaded) rather than cancelled. */
export const portClosed = 'port-closed';
type ClientMessage = { start: unknown } | { cancel: true };

export interface StreamHandle {
  /** Asks the background to stop; the stream still ends with its terminal event. */
  cancel(): void;
  /** Resolves once a terminal event arrived or the port closed. */
  readonly finished: Promise<void>;
}

/**
 * Opens a stream and calls `onEvent` for each validated event. If the port
 * closes before a terminal event (the service worker died), `onLost` runs.
 */
export function openStream<N extends StreamName>(
  name: N,
  start: StartOf<N>,
  onEvent: (event: EventOf<N>) => void,
  onLost: (error: AsideError) => void,
): StreamHandle {
  const spec = streams[name];
  const port = browser.runtime.connect({ name: portPrefix + name });
  let ended = false;
  let resolveFinished: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    resolveFinished = resolve;
  });
  const end = () => {
    ended = true;
    resolveFinished();
  };
  port.onMessage.addListener((message: unknown) => {
    const parsed = spec.event.safeParse(message);
    if (!parsed.success) return;
    const event = parsed.data as EventOf<N>;
    onEvent(event);
    if (spec.isTerminal(event as never)) {
      end();
      port.disconnect();
    }
  });
  port.onDisconnect.addListener(() => {
    if (ended) return;
    end();
    onLost(new AsideError('internal', 'The background stopped before the answer finished.'));
  });
  port.postMessage({ start } satisfies ClientMessage);
  return {
    cancel: () => {
      if (!ended) port.postMessage({ cancel: true } satisfies ClientMessage);
    },
    finished,
  };
}

export type StreamHandler<N extends StreamName> = (
  start: z.output<Streams[N]['start']>,
  emit: (event: EventOf<N>) => void,
  signal: AbortSignal,
  /** Who opened the port, as the browser reports it, narrowed to the kinds the stream allows. */
  sender: SenderOf<Streams[N]['senders'][number]>,
  /** Aborts when the client went away (for streams that outlive it, `signal` does not). */
  detached: AbortSignal,
) => Promise<void>;

/**
 * Serves streams in the background, enforcing each stream's sender policy.
 * A port carries one run: its first start message starts it, and any later
 * one is ignored. The handler gets an AbortSignal that fires when the client
 * cancels or goes away (panel closed), so work stops with it; streams marked
 * `outlivesClient` (agent and team runs, which store what they do) are only
 * told through `detached` and may carry on.
 */
export function serveStreams(handlers: { [N in StreamName]: StreamHandler<N> }): void {
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    if (!port.name.startsWith(portPrefix)) return;
    const name = port.name.slice(portPrefix.length) as StreamName;
    if (!Object.hasOwn(streams, name)) return;
    const sender = identifySender(port.sender);
    if (!sender || !(streams[name].senders as readonly SenderKind[]).includes(sender.kind)) {
      const error = new AsideError('forbidden', `The ${name} stream is not open to ${sender?.kind ?? 'this sender'}.`);
      port.postMessage({ type: 'error', error: error.toJSON(), partial: false });
      port.disconnect();
      return;
    }
    const controller = new AbortController();
    const detached = new AbortController();
    let connected = true;
    port.onDisconnect.addListener(() => {
      connected = false;
      detached.abort(portClosed);
      // The reason tells a closed panel from the user's stop, for work that can be picked up again.
      if (!('outlivesClient' in streams[name])) controller.abort(portClosed);
    });
    const emit = (event: EventOf<typeof name>) => {
      if (connected) port.postMessage(event);
    };
    let started = false;
    port.onMessage.addListener((message: ClientMessage) => {
      if (typeof message !== 'object' || message === null) return;
      if ('cancel' in message) {
        controller.abort();
        return;
      }
      // One run per port: a second start would run a second handler on the same signals.
      if (started) return;
      started = true;
      const parsed = streams[name].start.safeParse(message.start);
      if (!parsed.success) {
        const error = new AsideError('invalid-message', `Invalid ${name} start: ${parsed.error.message}`);
        emit({ type: 'error', error: error.toJSON(), partial: false });
        return;
      }
      handlers[name](parsed.data as never, emit as never, controller.signal, sender as never, detached.signal).catch(
        (error: unknown) => {
          emit({ type: 'error', error: AsideError.from(error).toJSON(), partial: false });
        },
      );
    });
  });
}
