/**
 * Reads a response body up to `maxBytes` and stops downloading there: a huge
 * or endless page costs at most that much memory and time. `cut` says the
 * text is not the whole body.
 */
export async function readLimited(response: Response, maxBytes: number): Promise<{ text: string; cut: boolean }> {
  if (!response.body) return { text: '', cut: false };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), cut: false };
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      return { text: text + decoder.decode(value.subarray(0, value.byteLength - (bytes - maxBytes))), cut: true };
    }
    text += decoder.decode(value, { stream: true });
  }
}
