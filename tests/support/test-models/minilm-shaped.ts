import { DType, OnnxGraph } from './onnx-graph';
import { mulberry32, normalArray, quantizeInt8 } from './prng';

/** Shape of all-MiniLM-L6-v2, which `aside-test/minilm-shaped` copies. */
export const MINILM = { hidden: 384, layers: 6, heads: 12, intermediate: 1536, vocab: 30522, positions: 512 } as const;

/**
 * `aside-test/minilm-shaped`: a BERT encoder with all-MiniLM-L6-v2's exact
 * shape and random weights, built from the ops a BERT export uses, so it costs
 * what the real model costs. The int8 variant quantizes like ONNX Runtime's
 * `quantize_dynamic`: int8 weights, DynamicQuantizeLinear + MatMulInteger.
 * With the `classifier` head it is a cross-encoder (BertForSequenceClassification:
 * the [CLS] state through a tanh pooler to one logit), `aside-test/minilm-reranker`.
 */
export function minilmShapedModel(quantized: boolean, head: 'none' | 'classifier' = 'none'): Uint8Array {
  return new Encoder(quantized).build(head);
}

class Encoder {
  private readonly g = new OnnxGraph();
  private readonly random = mulberry32(0x3141);

  constructor(private readonly quantized: boolean) {}

  private weights(dims: readonly number[], std = 0.02): Float32Array {
    return normalArray(
      dims.reduce((a, b) => a * b, 1),
      std,
      this.random,
    );
  }

  /** x · W + b, with W [in, out]; int8 dynamic quantization in the quantized variant. */
  private linear(x: string, inDim: number, outDim: number): string {
    const { g } = this;
    const w = this.weights([inDim, outDim]);
    const bias = g.tensor('bias', DType.float, [outDim], new Float32Array(outDim));
    if (!this.quantized)
      return g.op1('Add', [g.op1('MatMul', [x, g.tensor('w', DType.float, [inDim, outDim], w)]), bias]);
    const { codes, scale } = quantizeInt8(w);
    const wq = g.tensor('wq', DType.int8, [inDim, outDim], codes);
    const [xq, xScale, xZero] = g.op('DynamicQuantizeLinear', [x], {}, 3) as [string, string, string];
    const wZero = g.tensor('wzp', DType.int8, [], new Int8Array([0]));
    const product = g.op1('MatMulInteger', [xq, wq, xZero, wZero]);
    const rescale = g.op1('Mul', [xScale, g.floats([scale], [])]);
    return g.op1('Add', [g.op1('Mul', [g.op1('Cast', [product], { to: DType.float }), rescale]), bias]);
  }

  private layerNorm(x: string): string {
    const { g } = this;
    const n = MINILM.hidden;
    const gamma = g.tensor('ln_g', DType.float, [n], new Float32Array(n).fill(1));
    const beta = g.tensor('ln_b', DType.float, [n], new Float32Array(n));
    return g.op1('LayerNormalization', [x, gamma, beta], { axis: -1, epsilon: { float: 1e-12 } });
  }

  private gelu(x: string): string {
    const { g } = this;
    const erf = g.op1('Erf', [g.op1('Div', [x, g.floats([Math.SQRT2], [])])]);
    return g.op1('Mul', [g.op1('Mul', [x, g.op1('Add', [erf, g.floats([1], [])])]), g.floats([0.5], [])]);
  }

  private embeddings(ids: string, types: string): string {
    const { g } = this;
    const { hidden, vocab, positions } = MINILM;
    const word = this.embeddingTable(vocab, ids);
    const seqLen = g.op1('Gather', [g.op1('Shape', [ids]), g.int64s([1], [])], { axis: 0 });
    const posIds = g.op1('Range', [g.int64s([0], []), seqLen, g.int64s([1], [])]);
    const pos = g.op1('Gather', [
      g.tensor('pos', DType.float, [positions, hidden], this.weights([positions, hidden])),
      posIds,
    ]);
    const type = g.op1('Gather', [g.tensor('type', DType.float, [2, hidden], this.weights([2, hidden])), types]);
    return this.layerNorm(g.op1('Add', [g.op1('Add', [word, pos]), type]));
  }

  private embeddingTable(vocab: number, ids: string): string {
    const { g } = this;
    const table = this.weights([vocab, MINILM.hidden]);
    if (!this.quantized) return g.op1('Gather', [g.tensor('word', DType.float, [vocab, MINILM.hidden], table), ids]);
    const { codes, scale } = quantizeInt8(table);
    const q = g.tensor('word_q', DType.int8, [vocab, MINILM.hidden], codes);
    const zero = g.tensor('zero', DType.int8, [], new Int8Array([0]));
    return g.op1('DequantizeLinear', [g.op1('Gather', [q, ids]), g.floats([scale], []), zero]);
  }

  private attention(x: string, maskBias: string): string {
    const { g } = this;
    const { hidden, heads } = MINILM;
    const headDim = hidden / heads;
    const split = g.int64s([0, 0, heads, headDim]);
    const heads4 = (t: string, perm: number[]) => g.op1('Transpose', [g.op1('Reshape', [t, split])], { perm });
    const q = heads4(this.linear(x, hidden, hidden), [0, 2, 1, 3]);
    const k = heads4(this.linear(x, hidden, hidden), [0, 2, 3, 1]);
    const v = heads4(this.linear(x, hidden, hidden), [0, 2, 1, 3]);
    const scores = g.op1('Add', [
      g.op1('Mul', [g.op1('MatMul', [q, k]), g.floats([1 / Math.sqrt(headDim)], [])]),
      maskBias,
    ]);
    const context = g.op1('MatMul', [g.op1('Softmax', [scores], { axis: -1 }), v]);
    const merged = g.op1('Reshape', [g.op1('Transpose', [context], { perm: [0, 2, 1, 3] }), g.int64s([0, 0, hidden])]);
    return this.layerNorm(g.op1('Add', [this.linear(merged, hidden, hidden), x]));
  }

  private feedForward(x: string): string {
    const { hidden, intermediate } = MINILM;
    const up = this.gelu(this.linear(x, hidden, intermediate));
    return this.layerNorm(this.g.op1('Add', [this.linear(up, intermediate, hidden), x]));
  }

  /** BERT's pooler and a one-label classifier on the [CLS] token: `logits` [batch, 1]. */
  private classifier(x: string): void {
    const { g } = this;
    const { hidden } = MINILM;
    const cls = g.op1('Gather', [x, g.int64s([0], [])], { axis: 1 });
    const pooled = g.op1('Tanh', [this.linear(cls, hidden, hidden)]);
    this.linear(pooled, hidden, 1);
    g.nameLast('logits');
    g.output('logits', DType.float, ['batch_size', 1]);
  }

  build(head: 'none' | 'classifier'): Uint8Array {
    const { g } = this;
    const dims = ['batch_size', 'sequence_length'];
    const ids = g.input('input_ids', DType.int64, dims);
    const mask = g.input('attention_mask', DType.int64, dims);
    const types = g.input('token_type_ids', DType.int64, dims);
    // Additive mask [batch, 1, 1, seq]: 0 for tokens, -10000 for padding, as BERT exports compute it.
    const maskFloat = g.op1('Unsqueeze', [g.op1('Cast', [mask], { to: DType.float }), g.int64s([1, 2])]);
    const maskBias = g.op1('Mul', [g.op1('Sub', [g.floats([1], []), maskFloat]), g.floats([-10000], [])]);
    let x = this.embeddings(ids, types);
    for (let layer = 0; layer < MINILM.layers; layer++) x = this.feedForward(this.attention(x, maskBias));
    if (head === 'classifier') {
      this.classifier(x);
      return g.encode('aside make-test-models');
    }
    g.op1('Identity', [x]);
    g.nameLast('last_hidden_state');
    g.output('last_hidden_state', DType.float, ['batch_size', 'sequence_length', MINILM.hidden]);
    return g.encode('aside make-test-models');
  }
}
