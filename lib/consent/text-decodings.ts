/**
 * The forms a piece of a URL or body can hide text in: percent-encoding
 * (with `+` as a space in a query), base64 and base64url (padded or not) and
 * hex, nested up to three deep (base64 inside a percent-encoded query value,
 * percent-encoding inside base64). Decoded bytes are read as UTF-8; a decoding
 * that is not valid UTF-8 text (a random token, a hash) is dropped, so
 * ordinary ids never turn into noise that could match anything.
 */

const maxDepth = 3;
const maxForms = 16;
/** base64 of 18 bytes; shorter runs cannot hold a 20-unit run once decoded. */
const minBase64 = 24;
const minHex = 36;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** Decoded bytes as text, or null when they are not readable UTF-8 text. */
function readable(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null;
  }
  if (text.trim().length < 8) return null;
  // Control characters other than tab and newlines mean binary data.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return null;
  }
  return text;
}

/** Percent-decodes, reading each run of escapes as UTF-8 (a broken run keeps U+FFFD rather than failing). */
export function percentDecode(text: string, plusIsSpace = false): string {
  const spaced = plusIsSpace ? text.replaceAll('+', ' ') : text;
  return spaced.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    return lenientUtf8.decode(bytes);
  });
}

function base64Text(run: string): string | null {
  // A run can start with path words (`/save/SGVsbG8…`): try again after each of the first slashes.
  let rest = run;
  for (let tries = 0; tries < 4; tries++) {
    const text = base64Once(rest);
    if (text !== null) return rest === run ? text : `${run.slice(0, run.length - rest.length)}${text}`;
    const slash = rest.indexOf('/');
    if (slash < 0) return null;
    rest = rest.slice(slash + 1);
  }
  return null;
}

function base64Once(run: string): string | null {
  if (run.length < minBase64) return null;
  const body = run.replace(/=+$/, '').replaceAll('-', '+').replaceAll('_', '/');
  if (body.length % 4 === 1) return null;
  let binary: string;
  try {
    binary = atob(body + '='.repeat((4 - (body.length % 4)) % 4));
  } catch {
    return null;
  }
  return readable(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

function hexText(run: string): string | null {
  const even = run.length % 2 === 0 ? run : run.slice(0, -1);
  const bytes = new Uint8Array(even.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(even.slice(i * 2, i * 2 + 2), 16);
  return readable(bytes);
}

/** Replaces every run that decodes; null when none does. */
function replaceRuns(text: string, pattern: RegExp, decode: (run: string) => string | null): string | null {
  let changed = false;
  const out = text.replace(pattern, (run) => {
    const decoded = decode(run);
    if (decoded === null) return run;
    changed = true;
    return decoded;
  });
  return changed ? out : null;
}

const base64Runs = new RegExp(`[A-Za-z0-9+/_-]{${minBase64},}={0,2}`, 'g');
const hexRuns = new RegExp(`[0-9a-fA-F]{${minHex},}`, 'g');

/** One level of decoding of a text: each encoding that changes it, as a new form. */
function decodeOnce(text: string, plusIsSpace: boolean): string[] {
  const forms: string[] = [];
  if (/%[0-9a-f]{2}/i.test(text)) forms.push(percentDecode(text, plusIsSpace));
  // Hex first: a hex run is also a base64 run, but decodes as base64 to noise.
  const hex = replaceRuns(text, hexRuns, hexText);
  if (hex !== null) forms.push(hex);
  const base64 = replaceRuns(text, base64Runs, base64Text);
  if (base64 !== null) forms.push(base64);
  return forms;
}

/**
 * Every form of `raw`: itself (with `+` as space when it is part of a query)
 * and its decodings, breadth first, at most `maxForms`. The last one is the
 * most decoded, which is what the user is shown.
 */
export function decodings(raw: string, plusIsSpace = false): string[] {
  const first = plusIsSpace && !/%[0-9a-f]{2}/i.test(raw) ? raw.replaceAll('+', ' ') : raw;
  const forms = [first];
  // A raw `+` in a query can also be base64's own `+`.
  if (first !== raw) forms.push(raw);
  let level = [...forms];
  for (let depth = 0; depth < maxDepth && level.length > 0 && forms.length < maxForms; depth++) {
    const next: string[] = [];
    for (const text of level) {
      for (const form of decodeOnce(text, plusIsSpace && depth === 0)) {
        if (forms.includes(form) || forms.length >= maxForms) continue;
        forms.push(form);
        next.push(form);
      }
    }
    level = next;
  }
  return forms;
}
