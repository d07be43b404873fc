/** Text prefixes a model was trained with, e.g. E5's "query: " / "passage: ". */
export interface ModelPrefixes {
  readonly query: string;
  readonly passage: string;
}

/** The default embedding model: multilingual (Chinese and English), 384 dims, int8 ONNX ~118 MB. */
export const DEFAULT_EMBEDDING_MODEL = 'Xenova/multilingual-e5-small';

/** What a query or a passage is, for models that embed them differently. */
export type EmbedKind = 'query' | 'passage';

const BGE_ZH = '为这个句子生成表示以用于检索相关文章：';
const BGE_EN = 'Represent this sentence for searching relevant passages: ';

/**
 * Prefixes by model family, from the model cards: E5 models expect
 * "query: "/"passage: " on every input; BGE v1.5 models want an instruction on
 * queries only. Other models (MiniLM, the test models) take raw text.
 */
export function modelPrefixes(modelId: string): ModelPrefixes {
  const name = modelId.toLowerCase().split('/').at(-1) ?? '';
  if (/(^|[-_])e5([-_]|$)/.test(name)) return { query: 'query: ', passage: 'passage: ' };
  if (name.startsWith('bge-') && !name.startsWith('bge-m3')) {
    return { query: name.includes('-zh') ? BGE_ZH : BGE_EN, passage: '' };
  }
  return { query: '', passage: '' };
}

/** Applies the model's prefix for `kind` to each text. */
export function withPrefixes(modelId: string, texts: readonly string[], kind: EmbedKind): string[] {
  const prefix = modelPrefixes(modelId)[kind];
  return prefix ? texts.map((t) => prefix + t) : [...texts];
}

/**
 * The cosine below which a passage is not about the query, by model family.
 * E5 packs every text into a narrow cone (unrelated pairs score ~0.7), BGE
 * less so; other models (MiniLM, the test models) spread unrelated pairs near 0.
 */
export function relevanceFloor(modelId: string): number {
  const name = modelId.toLowerCase().split('/').at(-1) ?? '';
  if (/(^|[-_])e5([-_]|$)/.test(name)) return 0.8;
  if (name.startsWith('bge-')) return 0.5;
  return 0.3;
}
