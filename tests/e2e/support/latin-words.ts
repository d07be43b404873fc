import type { Page } from 'playwright-core';

/**
 * Names and code that stay in Latin letters in the Chinese UI: the product,
 * brands, protocols and formats, and "token", the glossary's word for a
 * model's unit of text (docs/glossary.md). Anything else in Latin letters on
 * a Chinese screen is an untranslated string.
 */
// biome-ignore format: a word list reads best in rows
export const latinAllowList = new Set(
  [
    'Aside',
    // providers, servers, engines
    'OpenAI', 'DeepSeek', 'Qwen', 'DashScope', 'Moonshot', 'Kimi', 'Zhipu', 'GLM', 'SiliconFlow', 'OpenRouter',
    'Ollama', 'vLLM', 'TEI', 'SearXNG', 'Tavily', 'Google', 'Bocha', 'Bing', 'Baidu', 'DuckDuckGo', 'CAMEL',
    // protocols, formats and techniques
    'API', 'URL', 'JSON', 'JSONL', 'MCP', 'HTTP', 'HTTPS', 'SSE', 'SFT', 'DPO', 'RAG', 'Fusion', 'IndexedDB',
    'WebGPU', 'WASM', 'WebAssembly', 'Markdown', 'PDF', 'Word', 'HTML', 'CSV', 'OCR', 'Bearer', 'ID', 'token',
    'Cookie', 'KB', 'MB', 'GB',
    // JSONL field names in the fine-tuning export's format choices
    'prompt', 'chosen', 'rejected',
    // keys, as printed on the keyboard
    'Alt', 'Shift', 'Ctrl', 'Cmd',
  ].map((word) => word.toLowerCase()),
);

/** Brand names of several words, taken out whole so that their words ("Search", "Text") stay flagged elsewhere. */
export const latinAllowPhrases = [
  'LM Studio',
  'Hugging Face Hub',
  'Hugging Face',
  'Brave Search',
  'Google Programmable Search',
  'Zhipu Web Search',
  'Text Embeddings Inference',
  'Base URL',
];

/**
 * The Latin-letter words a person sees on the page under `root`: visible text
 * nodes and the chosen option of each select, leaving out code, addresses,
 * model ids, what is marked `translate="no"` (user data such as a profile's
 * name) and what the user typed (inputs). Words on the allow list, and in
 * `userData` (names the test itself gave, shown where the UI cannot mark
 * them), are dropped.
 */
export async function latinWords(page: Page, root = 'body', userData: readonly string[] = []): Promise<string[]> {
  const texts = await page.evaluate((selector) => {
    const scope = document.querySelector(selector);
    if (!scope) return [];
    const skip = 'code, pre, kbd, .mono, script, style, option, [translate="no"]';
    const texts: string[] = [];
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip)) continue;
      const box = parent.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(parent).visibility === 'hidden') continue;
      texts.push(node.nodeValue ?? '');
    }
    for (const select of scope.querySelectorAll('select')) {
      if (select.getBoundingClientRect().width > 0) texts.push(select.selectedOptions[0]?.textContent ?? '');
    }
    for (const input of scope.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]')) {
      if (input.getBoundingClientRect().width > 0) texts.push(input.placeholder);
    }
    return texts;
  }, root);
  const found: string[] = [];
  for (const raw of texts) {
    const text = [...userData, ...latinAllowPhrases].reduce((rest, phrase) => rest.replaceAll(phrase, ' '), raw);
    for (const token of text.split(/[\s\p{Script=Han}，。、：；（）“”‘’《》！？·…]+/u)) {
      // Addresses, paths, file names, ids and placeholders are code, not words.
      if (/[/.:_@{}=#\d]/.test(token.replace(/[.…,;!?)]+$/, ''))) continue;
      for (const word of token.match(/[A-Za-z]{2,}/g) ?? []) {
        if (!latinAllowList.has(word.toLowerCase())) found.push(word);
      }
    }
  }
  return [...new Set(found)];
}
