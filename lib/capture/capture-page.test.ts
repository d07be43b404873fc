import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, capturePage } from './capture-page';

const load = (html: string, url = 'https://blog.example.com/posts/one.html') =>
  new JSDOM(html, { url }).window.document;

const paragraph = (i: number) =>
  `<p>Paragraph ${i} explains how the capture keeps the structure of real articles, with enough words to read as prose.</p>`;

const article = `<!doctype html><html lang="en"><head><title>How capture works</title>
<meta name="author" content="Ada"><link rel="canonical" href="/posts/canonical"></head><body>
<nav>Home · About</nav>
<article><h1>How capture works</h1>
${Array.from({ length: 8 }, (_, i) => paragraph(i)).join('\n')}
<h2>Code</h2><pre><code class="language-ts">const answer: number = 42;\nconsole.log(answer);</code></pre>
<p>See <a href="../docs/guide.html">the guide</a> and <a href="#top">top</a>.</p>
<p><img src="https://tracker.example/pixel.png" alt="A diagram of the pipeline"></p>
<table><thead><tr><th>Step</th><th>Cost</th></tr></thead><tbody><tr><td>Parse</td><td>Low</td></tr></tbody></table>
<ul><li>First point</li><li>Second point</li></ul>
</article><footer>© Example</footer></body></html>`;

describe('canonicalUrl', () => {
  const withCanonical = (href: string) =>
    load(`<!doctype html><html><head><link rel="canonical" href="${href}"></head><body><p>x</p></body></html>`);

  it("resolves a canonical link on the page's own origin", () => {
    expect(canonicalUrl(withCanonical('/posts/canonical'))).toBe('https://blog.example.com/posts/canonical');
  });

  it('ignores a canonical link to another origin or to a script', () => {
    expect(canonicalUrl(withCanonical('https://bank.example/login'))).toBe('https://blog.example.com/posts/one.html');
    expect(canonicalUrl(withCanonical('javascript:alert(1)'))).toBe('https://blog.example.com/posts/one.html');
  });
});

describe('capturePage', () => {
  it('turns an article into Markdown that keeps its structure', () => {
    const page = capturePage(load(article));
    expect(page.method).toBe('readability');
    expect(page.title).toBe('How capture works');
    expect(page.url).toBe('https://blog.example.com/posts/canonical');
    expect(page.lang).toBe('en');
    expect(page.markdown).toContain('## Code');
    expect(page.markdown).toContain('```ts\nconst answer: number = 42;\nconsole.log(answer);\n```');
    expect(page.markdown).toContain('[the guide](https://blog.example.com/docs/guide.html)');
    expect(page.markdown).toContain('| Step | Cost |');
    expect(page.markdown).toMatch(/- +First point/);
    expect(page.markdown).toContain('A diagram of the pipeline');
    expect(page.markdown).not.toContain('pixel.png');
    expect(page.markdown).not.toContain('Home · About');
    expect(page.cutAtCapture).toBe(false);
  });

  it('falls back to the visible main text on a page that is not an article', () => {
    const page = capturePage(
      load(`<html><head><title>Search results</title><style>.x{}</style></head><body>
        <nav>Menu</nav><main><h2>Results</h2><ul><li>First hit</li><li>Second hit</li></ul>
        <div hidden>secret hidden</div><div style="display: none">also hidden</div><span aria-hidden="true">icon</span>
        <script>var tracking = 1;</script></main></body></html>`),
    );
    expect(page.method).toBe('visible-text');
    expect(page.title).toBe('Search results');
    expect(page.markdown).toContain('## Results');
    expect(page.markdown).toContain('- First hit');
    for (const hidden of ['secret hidden', 'also hidden', 'icon', 'tracking', 'Menu']) {
      expect(page.markdown).not.toContain(hidden);
    }
  });

  it('bounds the work on a huge document and says it was cut', () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `<div><span>cell ${i}</span></div>`).join('');
    const page = capturePage(load(`<html><head><title>Huge</title></head><body>${rows}</body></html>`));
    expect(page.method).toBe('visible-text');
    expect(page.cutAtCapture).toBe(true);
    expect(page.markdown).toContain('cell 0');
    // jsdom builds 120,000 elements slowly on a busy machine; the product's bound is checked, not jsdom's speed.
  }, 60_000);

  it('does not change the live page', () => {
    const document = load(article);
    const before = document.documentElement.outerHTML;
    capturePage(document);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
