/**
 * The few extension APIs tests call inside extension contexts through
 * `evaluate`, typed without declaring a global `chrome` for the whole project.
 * Use as `(globalThis as unknown as ExtensionGlobal).chrome` inside the callback.
 */
export interface ExtensionGlobal {
  chrome: {
    runtime: {
      sendMessage(message: unknown): Promise<unknown>;
      connect(info: { name: string }): {
        postMessage(message: unknown): void;
        onMessage: { addListener(listener: (message: never) => void): void };
        disconnect(): void;
      };
    };
    storage: Record<
      'local' | 'sync',
      { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> }
    >;
    tabs: { query(query: { url?: string }): Promise<{ id?: number }[]> };
    action: { getBadgeText(details: { tabId?: number }): Promise<string> };
  };
}
