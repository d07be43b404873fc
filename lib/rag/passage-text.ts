/**
 * A saved passage as a person reads it. Chunks are stored as the Markdown
 * Turndown wrote (that is what the model receives), so a passage shown as is
 * reads `*non*\-standalone` or `[Firefox](https://…)`. This removes the
 * syntax, keeping the words: escapes, emphasis, code ticks, link targets,
 * images, heading and quote markers.
 */
export function passageText(markdown: string): string {
  return (
    markdown
      // Images carry no words worth showing in a one-line excerpt.
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      // A link shows its text.
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      // Heading, quote and list markers at a line's start.
      .replace(/^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+)/gm, '')
      // Emphasis and code: the markers go, the words stay (not inside words: snake_case stays).
      .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
      .replace(/(^|[^\w*\\])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2')
      .replace(/(^|[^\w\\])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2')
      .replace(/`([^`\n]*)`/g, '$1')
      // Backslash escapes Turndown adds before Markdown's special characters.
      .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
  );
}
