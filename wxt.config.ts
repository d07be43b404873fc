import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'wxt';

/** `npm run dev` opens this browser: CHROME_PATH if set, else Debian's Chromium when present, else WXT's own search. */
const devChrome =
  process.env.CHROME_PATH ?? (existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : undefined);

/** ONNX Runtime Web's WASM runtime (SIMD, threads, asyncify for WebGPU), loaded by the embedder host. */
const ortRuntimeFiles = ['ort-wasm-simd-threaded.asyncify.wasm', 'ort-wasm-simd-threaded.asyncify.mjs'];

/**
 * The MCP SDK's client imports Ajv as its default JSON Schema validator, which compiles schemas with
 * `new Function` (refused by MV3's CSP). Aside passes its own validator, so the import is replaced by a stub.
 */
const withoutMcpAjv = {
  name: 'aside-without-mcp-ajv',
  enforce: 'pre' as const,
  resolveId(source: string, importer: string | undefined) {
    const fromSdk = importer?.includes('@modelcontextprotocol/sdk/dist/esm/client/') ?? false;
    return fromSdk && source === '../validation/ajv-provider.js' ? path.resolve('lib/mcp/ajv-provider-stub.ts') : null;
  },
};

/**
 * pdf.js's worker and the data it loads at run time (CMaps for Chinese, Japanese and Korean fonts, the
 * standard fonts, its WASM image decoders, its ICC profile): shipped under `pdfjs/`, so no PDF ever makes
 * pdf.js reach for a CDN (lib/pdf/extract-pdf.ts points it here). Licences travel with the files.
 */
function pdfjsFiles(): { absoluteSrc: string; relativeDest: string }[] {
  const root = path.resolve('node_modules/pdfjs-dist');
  const files = [{ absoluteSrc: path.join(root, 'build/pdf.worker.min.mjs'), relativeDest: 'pdfjs/pdf.worker.mjs' }];
  for (const folder of ['cmaps', 'standard_fonts', 'wasm', 'iccs']) {
    for (const name of readdirSync(path.join(root, folder))) {
      // QuickJS runs a PDF's own JavaScript (forms); Aside reads text and never runs a document's scripts.
      if (/quickjs/i.test(name)) continue;
      files.push({ absoluteSrc: path.join(root, folder, name), relativeDest: `pdfjs/${folder}/${name}` });
    }
  }
  return files;
}

/**
 * Aside's build. Manifest permissions are justified one per line in README.md.
 * Chrome is MV3 with a side panel; Firefox gets WXT's MV2 build where the side
 * panel becomes a `sidebar_action`.
 */
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  webExt: {
    binaries: devChrome ? { chrome: devChrome } : {},
    // Chromium will not start as root with its sandbox (containers, CI boxes).
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
  vite: () => ({
    // ONNX Runtime's build that loads its .wasm/.mjs from `wasmPaths` (shipped below) instead of inlining a second copy.
    resolve: { conditions: ['onnxruntime-web-use-extern-wasm', ...defaultClientConditions] },
    plugins: [withoutMcpAjv],
    // The embedder's worker (entrypoints/offscreen/embed-worker.ts) is a module: ONNX Runtime imports its .mjs at run time.
    worker: { format: 'es' as const },
    build: {
      // Vite's 500 kB warning is advice for web pages downloaded over a network; an extension's files load from
      // the local disk. The largest bundles are meant: the offscreen document's (Transformers.js, ONNX Runtime's
      // JavaScript, pdf.js: about 950 kB) and Firefox's background page (about 1.5 MB with pdf.js, which Firefox
      // runs there for want of an offscreen document: an MV2 background is one classic script, so it cannot share
      // chunks). 2.3 MB (Vite counts KiB) keeps the warning for a bundle that grows by half again.
      chunkSizeWarningLimit: 2300,
    },
  }),
  hooks: {
    // The local embedder's runtime and pdf.js's worker ship inside the extension: remote code is forbidden in MV3.
    'build:publicAssets': (wxt, files) => {
      // pdf.js runs in Chrome's offscreen document and in Firefox's background page; the embedder only in Chrome's
      // offscreen document (Firefox has none yet, and the embedder says so there).
      files.push(...pdfjsFiles());
      if (wxt.config.browser === 'firefox') return;
      for (const file of ortRuntimeFiles) {
        files.push({
          absoluteSrc: path.resolve('node_modules/onnxruntime-web/dist', file),
          relativeDest: `ort/${file}`,
        });
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    default_locale: 'en',
    description: '__MSG_extDescription__',
    permissions: [
      'storage',
      'tabs',
      'scripting',
      'contextMenus',
      'declarativeNetRequestWithHostAccess',
      // Observe (never block) where a redirect of Aside's own consented fetches points (lib/web/redirect-watch.ts).
      'webRequest',
      ...(browser === 'firefox' ? [] : ['favicon']),
      ...(browser === 'firefox' ? [] : ['sidePanel']),
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'Aside' },
    commands: {
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_openAside__',
      },
      'save-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_savePageCommand__',
      },
      'run-last-action': {
        suggested_key: { default: 'Alt+Shift+X' },
        description: '__MSG_runLastActionCommand__',
      },
    },
    // Cross-origin isolation gives extension pages SharedArrayBuffer, so the embedder runs ONNX Runtime's WASM
    // on several threads. Extension pages load only their own files and CORS fetches, which isolation allows.
    ...(browser === 'firefox'
      ? {}
      : {
          cross_origin_embedder_policy: { value: 'require-corp' },
          cross_origin_opener_policy: { value: 'same-origin' },
        }),
    content_security_policy:
      browser === 'firefox'
        ? undefined
        : {
            // frame-src: Chromium checks a frame's navigations against its embedder's frame-src, so the
            // run_javascript sandbox (framed by the side panel) can never be navigated to another host, by a
            // `location` change, a link, a form or a meta refresh (measured in Chromium 156).
            extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; frame-src 'self'",
            // The run_javascript sandbox (entrypoints/sandbox): eval allowed, everything else off. With no
            // connect-src, img-src or frame-src, code the model writes cannot send anything anywhere. The code runs
            // in a worker of this page made from a blob: URL (lib/sandbox/start-code-worker.ts), which inherits this
            // policy; WebRTC, which no CSP governs, is removed in that worker.
            sandbox:
              "sandbox allow-scripts; default-src 'none'; script-src 'self' 'unsafe-eval'; connect-src 'none'; " +
              "img-src 'none'; style-src 'none'; font-src 'none'; media-src 'none'; frame-src 'none'; " +
              "worker-src blob:; child-src 'none'; form-action 'none'; base-uri 'none'",
          },
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'aside@aside.dev',
              strict_min_version: '140.0',
              // Aside sends nothing to its developers; prompts go only to the provider the user picks.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from version 142 on (web-ext lint checks it).
            gecko_android: { strict_min_version: '142.0' },
          }
        : undefined,
  }),
});
