const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Decodes numeric character references and the common named entities. A
 * number that is no character (0, a surrogate, past U+10FFFF, any number of
 * digits) becomes U+FFFD, as in a browser, instead of throwing; an unknown
 * name stays as written.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return named[name.toLowerCase()] ?? whole;
    const hex = name[1] === 'x' || name[1] === 'X';
    return character(Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10));
  });
}

function character(codePoint: number): string {
  const surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  // parseInt of hundreds of digits is Infinity or a huge float: both fail the range check.
  return codePoint > 0 && codePoint <= 0x10ffff && !surrogate ? String.fromCodePoint(codePoint) : '\uFFFD';
}
