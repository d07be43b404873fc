/**
 * A page's language when it does not declare one: by script, from a sample of
 * its text. Enough to tell Chinese, Japanese and Korean pages apart from the
 * rest (which stay unknown rather than guessed).
 */
export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, 5000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return null;
  const kana = sample.match(/[\u3040-\u30ff]/g)?.length ?? 0;
  const hangul = sample.match(/[\uac00-\ud7af]/g)?.length ?? 0;
  const han = sample.match(/[\u4e00-\u9fff\u3400-\u4dbf]/g)?.length ?? 0;
  if (hangul / letters > 0.3) return 'ko';
  if (kana / letters > 0.1) return 'ja';
  if (han / letters > 0.3) return 'zh';
  return null;
}
