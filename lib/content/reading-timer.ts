/**
 * Calls `onRead` once, after the page has been visible for `seconds` in
 * total: time in a background tab or a minimized window does not count.
 */
export function afterVisibleReading(seconds: number, signal: AbortSignal, onRead: () => void): void {
  let visibleMs = 0;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    if (document.visibilityState === 'visible') visibleMs += now - last;
    last = now;
    if (visibleMs >= seconds * 1000) {
      clearInterval(timer);
      onRead();
    }
  };
  const timer = setInterval(tick, 500);
  signal.addEventListener('abort', () => clearInterval(timer));
}
