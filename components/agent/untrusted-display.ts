/**
 * Display-only handling of the untrusted-content markers that wrap tool
 * results (lib/prompt/untrusted.ts). The model still receives them as they
 * are; a person never needs to see them. A stored preview is cut at 240
 * characters, so an opening line or a closing marker may be cut short too.
 */

/** An opening marker with its attributes, to the end of its line. */
const opening = /<<<UNTRUSTED_CONTENT_\w*[^\n]*(?:\n|$)/gi;
/** A closing marker (with the line break before it). */
const closing = /\n?UNTRUSTED_CONTENT_\w*>>>/gi;
const closingWord = 'UNTRUSTED_CONTENT_';

/** A last line that is the start of a closing marker cut off by the preview's limit. */
function isCutClosing(line: string): boolean {
  const bare = line.replace(/…$/, '');
  if (bare.length < 3) return false;
  return closingWord.startsWith(bare.toUpperCase()) || /^UNTRUSTED_CONTENT_\w*>{0,2}$/i.test(bare);
}

/** The text without any untrusted-content marker, trimmed. */
export function withoutUntrustedMarkers(text: string): string {
  const lines = text.replace(opening, '').replace(closing, '').split('\n');
  if (lines.length > 0 && isCutClosing(lines.at(-1) ?? '')) lines.pop();
  return lines.join('\n').trim();
}

/** The source named on a tool result's first marker (its title and URL), when it names one. */
export function untrustedSource(text: string): { title?: string; url?: string } {
  const line = text.match(/<<<UNTRUSTED_CONTENT_\w*([^\n]*)/i)?.[1] ?? '';
  const attribute = (name: string) => line.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1]?.trim();
  const title = attribute('title');
  const url = attribute('url');
  return { ...(title ? { title } : {}), ...(url ? { url } : {}) };
}
