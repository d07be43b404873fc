/** The colour scheme the page shows at a point: Aside's toolbar and card match it, whatever the OS prefers. */
export type PageScheme = 'light' | 'dark';

/** An `rgb()`/`rgba()` colour as computed styles give it, or null for anything else. */
export function parseRgb(css: string): { r: number; g: number; b: number; a: number } | null {
  const match = css.match(/^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/);
  if (!match) return null;
  const [, r = '0', g = '0', b = '0', alpha] = match;
  const a = alpha === undefined ? 1 : alpha.endsWith('%') ? Number.parseFloat(alpha) / 100 : Number(alpha);
  return { r: Number(r), g: Number(g), b: Number(b), a };
}

/** WCAG relative luminance of an sRGB colour (0 black … 1 white). */
function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Decides the scheme from the backgrounds met walking from the selection up
 * to the root (innermost first): the first mostly opaque one wins. With none,
 * the page shows the browser's canvas, which is dark only when the page opts
 * into a dark scheme (`color-scheme`, or its `<meta name="color-scheme">`)
 * and, for "light dark", the OS prefers dark.
 */
export function schemeOf(backgrounds: readonly string[], colorScheme: string, osPrefersDark: boolean): PageScheme {
  for (const background of backgrounds) {
    const color = parseRgb(background);
    if (color && color.a >= 0.5) return luminance(color) < 0.25 ? 'dark' : 'light';
  }
  const schemes = colorScheme.split(/\s+/);
  if (!schemes.includes('dark')) return 'light';
  return !schemes.includes('light') || osPrefersDark ? 'dark' : 'light';
}

/** The page's scheme under a viewport point (the selection), never looking at Aside's own host element. */
export function pageSchemeAt(document: Document, point: { x: number; y: number } | null, ignore: Element): PageScheme {
  const view = document.defaultView;
  if (!view) return 'light';
  const hit = point ? document.elementFromPoint(point.x, point.y) : null;
  let element: Element | null = hit && hit !== ignore ? hit : (document.body ?? document.documentElement);
  const backgrounds: string[] = [];
  for (; element; element = element.parentElement) backgrounds.push(view.getComputedStyle(element).backgroundColor);
  const declared = view.getComputedStyle(document.documentElement).colorScheme;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content ?? '';
  const colorScheme = declared && declared !== 'normal' ? declared : meta;
  return schemeOf(backgrounds, colorScheme, view.matchMedia('(prefers-color-scheme: dark)').matches);
}
