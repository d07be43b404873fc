/**
 * The JSON object a watch page assigns in an inline script
 * (`var ytInitialPlayerResponse = {…};`, `window.__INITIAL_STATE__={…};(function…`),
 * found by the name it is assigned to. The object is cut out by matching its
 * braces outside strings, since code follows it on the same line; null when
 * the name is absent or what follows is not JSON.
 */
export function jsonAssignedTo(source: string, name: string): unknown {
  let from = 0;
  for (;;) {
    const at = source.indexOf(name, from);
    if (at < 0) return null;
    from = at + name.length;
    const assignment = /^\s*=\s*/.exec(source.slice(from, from + 20));
    if (!assignment) continue;
    const start = from + assignment[0].length;
    if (source[start] !== '{') continue;
    const end = objectEnd(source, start);
    if (end < 0) return null;
    try {
      return JSON.parse(source.slice(start, end + 1));
    } catch {
      return null;
    }
  }
}

/** The index of the `}` closing the object opened at `start`, or -1. */
function objectEnd(source: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}
