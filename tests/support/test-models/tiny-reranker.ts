import { DType, OnnxGraph } from './onnx-graph';
import { quantizeInt8 } from './prng';
import { TINY_EMBED, tokenTable } from './tiny-embed';

/** Shape of `aside-test/tiny-reranker`: tiny-embed's vocabulary and token table. */
export const TINY_RERANKER = { vocab: TINY_EMBED.vocab, dims: TINY_EMBED.dims, maxLength: 512 } as const;

/** logit = SCALE · cosine + OFFSET: a cosine of 0.5 is a logit of 0 (sigmoid 0.5). */
const SCALE = 10;
const OFFSET = -5;

/**
 * `aside-test/tiny-reranker`: a cross-encoder with a BERT classifier's inputs
 * and output (`logits` [batch, 1]). It sums tiny-embed's token vectors over
 * segment A (the query: token type 0) and segment B (the passage: token type
 * 1), masked, special tokens being zero vectors, and scores their cosine, so a
 * pair's logit tracks the meaningful words query and passage share. fp32, or
 * int8 (Gather on int8 codes, then DequantizeLinear) like tiny-embed.
 */
export function tinyRerankerModels(): { fp32: Uint8Array; int8: Uint8Array } {
  const table = tokenTable();
  return { fp32: build(table, false), int8: build(table, true) };
}

function build(table: Float32Array, quantized: boolean): Uint8Array {
  const g = new OnnxGraph();
  const { vocab, dims } = TINY_RERANKER;
  const shape = ['batch_size', 'sequence_length'];
  const ids = g.input('input_ids', DType.int64, shape);
  const mask = g.input('attention_mask', DType.int64, shape);
  const types = g.input('token_type_ids', DType.int64, shape);
  let embedded: string;
  if (quantized) {
    const { codes, scale } = quantizeInt8(table);
    const w = g.tensor('embeddings_q', DType.int8, [vocab, dims], codes);
    const zero = g.tensor('zero', DType.int8, [], new Int8Array([0]));
    embedded = g.op1('DequantizeLinear', [g.op1('Gather', [w, ids]), g.floats([scale], []), zero]);
  } else {
    embedded = g.op1('Gather', [g.tensor('embeddings', DType.float, [vocab, dims], table), ids]);
  }
  const maskFloat = g.op1('Cast', [mask], { to: DType.float });
  const segmentB = g.op1('Mul', [maskFloat, g.op1('Cast', [types], { to: DType.float })]);
  const segmentA = g.op1('Sub', [maskFloat, segmentB]);
  const sumOver = (weights: string) =>
    g.op1('ReduceSum', [g.op1('Mul', [embedded, g.op1('Unsqueeze', [weights, g.int64s([-1])])]), g.int64s([1])], {
      keepdims: 0,
    });
  const a = sumOver(segmentA);
  const b = sumOver(segmentB);
  const dot = (x: string, y: string) => g.op1('ReduceSum', [g.op1('Mul', [x, y]), g.int64s([-1])], { keepdims: 1 });
  const norms = g.op1('Mul', [g.op1('Sqrt', [dot(a, a)]), g.op1('Sqrt', [dot(b, b)])]);
  const cosine = g.op1('Div', [dot(a, b), g.op1('Add', [norms, g.floats([1e-6], [])])]);
  g.op1('Add', [g.op1('Mul', [cosine, g.floats([SCALE], [])]), g.floats([OFFSET], [])]);
  g.nameLast('logits');
  g.output('logits', DType.float, ['batch_size', 1]);
  return g.encode('aside make-test-models');
}
