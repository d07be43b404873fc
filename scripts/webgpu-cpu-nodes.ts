// Which ONNX Runtime nodes of the test models run on the CPU inside the WebGPU execution provider.
// Runs Transformers.js (the version the extension bundles) in a page of Chromium with SwiftShader WebGPU,
// with ONNX Runtime's verbose log on, embeds two texts per model and weights variant, and prints the node
// placements ONNX Runtime logs when it partitions the graph. Nothing is downloaded: the page, the runtime
// and the generated test models are served from this machine.
// Usage: npx tsx scripts/webgpu-cpu-nodes.ts [--log] (--log: print ONNX Runtime's whole log too)
import { createReadStream, existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../tests/e2e/support/extension';
import { startModelServer } from '../tests/support/model-server';
import { makeTestModels, TEST_MODELS } from '../tests/support/test-models/make-test-models';

const root = path.resolve(import.meta.dirname, '..');
const modules = path.join(root, 'node_modules');
const showLog = process.argv.includes('--log');
const runs = [
  { model: TEST_MODELS.tiny, dtype: 'fp32' },
  { model: TEST_MODELS.tiny, dtype: 'q8' },
  { model: TEST_MODELS.minilm, dtype: 'fp32' },
  { model: TEST_MODELS.minilm, dtype: 'q8' },
] as const;

/** The page: the same bare imports the extension's bundle resolves, mapped to the installed files. */
const page = `<!doctype html><script type="importmap">${JSON.stringify({
  imports: {
    '@huggingface/transformers': '/nm/@huggingface/transformers/dist/transformers.web.js',
    'onnxruntime-common': '/nm/onnxruntime-common/dist/esm/index.js',
    'onnxruntime-web/webgpu': '/nm/onnxruntime-web/dist/ort.webgpu.bundle.min.mjs',
  },
})}</script>
<script type="module">
  import { env, pipeline } from '@huggingface/transformers';
  globalThis.embedOnWebgpu = async (host, model, dtype) => {
    env.allowLocalModels = false;
    env.allowRemoteModels = true;
    env.remoteHost = host;
    env.useBrowserCache = false;
    env.backends.onnx.wasm.wasmPaths = '/nm/onnxruntime-web/dist/';
    env.backends.onnx.logLevel = 'verbose';
    console.log('=== run ' + model + ' ' + dtype);
    const extractor = await pipeline('feature-extraction', model, {
      device: 'webgpu',
      dtype,
      session_options: { logSeverityLevel: 0, logVerbosityLevel: 0 },
    });
    const output = await extractor(['WebGPU runs the model on the graphics processor.', '嵌入向量在图形处理器上计算。'], {
      pooling: 'mean',
      normalize: true,
    });
    await extractor.dispose();
    return output.dims;
  };
  globalThis.ready = true;
</script>`;

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    return;
  }
  const file = path.join(modules, decodeURIComponent(url.pathname.replace(/^\/nm\//, '')));
  if (!url.pathname.startsWith('/nm/') || !file.startsWith(modules) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  const type = file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
  res.writeHead(200, { 'content-type': type });
  createReadStream(file).pipe(res);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
makeTestModels(['tiny', 'minilm']);
const models = await startModelServer();
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'],
});
try {
  const tab = await browser.newPage();
  const log: string[] = [];
  tab.on('console', (message) => log.push(message.text()));
  tab.on('pageerror', (error) => log.push(`page error: ${error.message}`));
  await tab.goto(origin);
  await tab.waitForFunction('globalThis.ready === true');
  const adapter = await tab.evaluate(async () => {
    const gpu = (
      navigator as Navigator & {
        gpu?: { requestAdapter(): Promise<{ info?: { vendor: string; architecture: string } } | null> };
      }
    ).gpu;
    const found = await gpu?.requestAdapter();
    return found ? `${found.info?.vendor ?? '?'} ${found.info?.architecture ?? ''}`.trim() : null;
  });
  console.log(`WebGPU adapter: ${adapter ?? 'none'}`);
  if (!adapter) throw new Error('No WebGPU adapter: is this Chromium built with SwiftShader?');
  for (const run of runs) {
    const start = log.length;
    const dims = await tab.evaluate(
      ([host, model, dtype]) =>
        (globalThis as unknown as { embedOnWebgpu(h: string, m: string, d: string): Promise<number[]> }).embedOnWebgpu(
          host,
          model,
          dtype,
        ),
      [models.url, run.model, run.dtype] as const,
    );
    const lines = log.slice(start);
    if (showLog) console.log(lines.join('\n'));
    console.log(`\n${run.model} ${run.dtype} on WebGPU: output ${dims.join('×')}`);
    for (const line of placements(lines)) console.log(`  ${line}`);
  }
} finally {
  await browser.close();
  await models.close();
  server.close();
}

/**
 * From ONNX Runtime's verbose node-placement lines ("Node(s) placed on [EP]. Number of nodes: N", then one
 * "  OpType (name)" line per node): the node count per execution provider, and the CPU's nodes by operator.
 */
function placements(lines: readonly string[]): string[] {
  const byProvider = new Map<string, { count: number; nodes: [op: string, name: string][] }>();
  let current: { count: number; nodes: [string, string][] } | null = null;
  for (const line of lines.flatMap((l) => l.split('\n'))) {
    if (!line.includes('VerifyEachNodeIsAssignedToAnEp]')) continue;
    const text = line.slice(line.indexOf(']') + 1);
    const header = /placed on \[(\w+)\]\. Number of nodes: (\d+)/.exec(text);
    const node = /^\s{3}(\S+) \((.*)\)\s*$/.exec(text);
    if (header) {
      current = { count: Number(header[2]), nodes: [] };
      byProvider.set(header[1]!, current);
    } else if (node && current) current.nodes.push([node[1]!, node[2]!]);
  }
  if (byProvider.size === 0) return ['(no node-placement lines in the log: run with --log to see it)'];
  const out: string[] = [];
  for (const [provider, { count, nodes }] of byProvider) {
    out.push(`${provider}: ${count} nodes`);
    if (provider !== 'CPUExecutionProvider') continue;
    const ops = new Map<string, string[]>();
    for (const [op, name] of nodes) ops.set(op, [...(ops.get(op) ?? []), name]);
    for (const [op, names] of ops)
      out.push(`  ${op} ×${names.length}: ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}`);
  }
  return out;
}
