import { DType, OnnxGraph } from './onnx-graph';
import { gaussian, mulberry32, quantizeInt8 } from './prng';
import { buildVocab, SPECIAL_TOKENS } from './vocab';

/** Shape of `aside-test/tiny-embed`. */
export const TINY_EMBED = { vocab: 8000, dims: 128, maxLength: 512 } as const;

/** Hanzi so frequent that, like English stop words, they should barely move a text's vector. */
const COMMON_HANZI = new Set(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞',
);

/**
 * One random unit vector per token, scaled down for frequent words; special
 * tokens are zero so they add nothing. Shared with `aside-test/tiny-reranker`.
 */
export function tokenTable(): Float32Array {
  const { tokens, wordRank } = buildVocab(TINY_EMBED.vocab);
  const { dims } = TINY_EMBED;
  const next = gaussian(mulberry32(0x7e57));
  const table = new Float32Array(tokens.length * dims);
  const specials = new Set<string>(SPECIAL_TOKENS);
  tokens.forEach((token, id) => {
    const v = Array.from({ length: dims }, next);
    if (specials.has(token)) return;
    const rank = wordRank.get(token);
    // Frequent words ("the", "you") weigh like stop words would after IDF, so
    // cosine similarity tracks the overlap of meaningful words.
    let weight = rank === undefined ? 1 : Math.min(1, Math.max(0.15, Math.log10(rank + 2) / 3));
    if (COMMON_HANZI.has(token)) weight = 0.3;
    const norm = Math.hypot(...v) / weight;
    for (let d = 0; d < dims; d++) table[id * dims + d] = v[d]! / norm;
  });
  return table;
}

/**
 * `aside-test/tiny-embed`: a static embedding model (a lookup table times the
 * attention mask), fp32 or int8 (Gather on int8 codes, then DequantizeLinear).
 * With mean pooling, cosine similarity tracks word overlap.
 */
export function tinyEmbedModels(): { fp32: Uint8Array; int8: Uint8Array } {
  const table = tokenTable();
  return { fp32: build(table, false), int8: build(table, true) };
}

function build(table: Float32Array, quantized: boolean): Uint8Array {
  const g = new OnnxGraph();
  const { vocab, dims } = TINY_EMBED;
  const ids = g.input('input_ids', DType.int64, ['batch_size', 'sequence_length']);
  const mask = g.input('attention_mask', DType.int64, ['batch_size', 'sequence_length']);
  let embedded: string;
  if (quantized) {
    const { codes, scale } = quantizeInt8(table);
    const w = g.tensor('embeddings_q', DType.int8, [vocab, dims], codes);
    const zero = g.tensor('zero', DType.int8, [], new Int8Array([0]));
    embedded = g.op1('DequantizeLinear', [g.op1('Gather', [w, ids]), g.floats([scale], []), zero]);
  } else {
    embedded = g.op1('Gather', [g.tensor('embeddings', DType.float, [vocab, dims], table), ids]);
  }
  const maskFloat = g.op1('Unsqueeze', [g.op1('Cast', [mask], { to: DType.float }), g.int64s([-1])]);
  g.op1('Mul', [embedded, maskFloat]);
  g.nameLast('last_hidden_state');
  g.output('last_hidden_state', DType.float, ['batch_size', 'sequence_length', dims]);
  return g.encode('aside make-test-models');
}
