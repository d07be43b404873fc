/**
 * Text as a model reads it, for tests of the untrusted-content wrapper: a
 * model sees through compatibility forms (fullwidth letters), case, Cyrillic
 * and Greek letters that look Latin, invisible characters and Markdown escapes.
 * Written apart from the product's own folding, so a test does not grade the
 * code with the code's own idea of "the same".
 */
const lookAlikes = new Map(
  [...'аеорсухіѕтнкмαεορτυνικηχ'].map((char, i) => [char, 'aeopcyxisthkmaeoptuviknx'[i] ?? char]),
);

export function asRead(value: string): string {
  return [...value.normalize('NFKC').toLowerCase()]
    .map((char) => lookAlikes.get(char) ?? char)
    .join('')
    .replace(/[\p{Cf}\p{Mn}]/gu, '')
    .replace(/\\(?=[_*>[\]])/g, '');
}
