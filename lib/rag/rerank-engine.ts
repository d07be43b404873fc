import {
  AutoModelForSequenceClassification,
  AutoTokenizer,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  type Tensor,
} from '@huggingface/transformers';
import { type EngineConfig, loadError, type ProgressListener, progressCallback, setModelHost } from './embed-engine';
import { lengthBuckets } from './length-buckets';

/** Tokens of one (question, excerpt) pair at most: the excerpt's tail is cut beyond it. */
export const RERANK_MAX_TOKENS = 512;

interface CrossEncoder {
  readonly tokenizer: PreTrainedTokenizer;
  readonly model: PreTrainedModel;
}

/**
 * An in-browser cross-encoder (e.g. `Xenova/bge-reranker-base`): reads the
 * question and each excerpt together and scores their relevance. Loaded once
 * per configuration, like the embedder's engine, from the same model host; it
 * runs in the embedder's worker (lib/rag/embed-worker.ts), whose queue keeps
 * one ONNX session busy at a time. Works in Node too, for tests and benches.
 */
export class RerankEngine {
  private loaded: { key: string; encoder: Promise<CrossEncoder> } | null = null;

  /** Loads (downloading on first use) the tokenizer and model; reports per-file byte progress. */
  load(config: EngineConfig, onProgress?: ProgressListener): Promise<CrossEncoder> {
    const key = JSON.stringify(config);
    if (this.loaded?.key !== key) {
      const previous = this.loaded?.encoder;
      const encoder = openCrossEncoder(config, onProgress);
      this.loaded = { key, encoder };
      // A failed load must not stick: the next question tries again.
      encoder.catch(() => {
        if (this.loaded?.encoder === encoder) this.loaded = null;
      });
      void previous?.then((p) => p.model.dispose()).catch(() => undefined);
    }
    return this.loaded.encoder;
  }

  /**
   * Relevance of each passage to `query`, in input order, between 0 and 1
   * (the sigmoid of a one-label model's logit). Pairs are batched by length
   * so a batch pads little.
   */
  async score(
    config: EngineConfig,
    query: string,
    passages: readonly string[],
    batchSize = 8,
    onProgress?: ProgressListener,
  ): Promise<Float32Array> {
    const { tokenizer, model } = await this.load(config, onProgress);
    const scores = new Float32Array(passages.length);
    for (const batch of lengthBuckets(
      passages.map((p) => p.length),
      batchSize,
    )) {
      const inputs = tokenizer(
        batch.map(() => query),
        {
          text_pair: batch.map((i) => passages[i]!),
          padding: true,
          truncation: true,
          max_length: RERANK_MAX_TOKENS,
        },
      );
      const { logits } = (await model(inputs)) as { logits: Tensor };
      const labels = logits.dims[1] ?? 1;
      const values = logits.data as Float32Array;
      batch.forEach((index, row) => {
        scores[index] = relevance(values.subarray(row * labels, (row + 1) * labels));
      });
      logits.dispose();
    }
    return scores;
  }
}

/** One logit: its sigmoid. Several labels (a "relevant" class last): that class's softmax probability. */
function relevance(logits: Float32Array): number {
  if (logits.length === 1) return 1 / (1 + Math.exp(-logits[0]!));
  const max = Math.max(...logits);
  const exps = Array.from(logits, (l) => Math.exp(l - max));
  return exps.at(-1)! / exps.reduce((a, b) => a + b, 0);
}

async function openCrossEncoder(config: EngineConfig, onProgress?: ProgressListener): Promise<CrossEncoder> {
  setModelHost(config);
  const progress_callback = progressCallback(onProgress);
  const [tokenizer, model] = await Promise.allSettled([
    AutoTokenizer.from_pretrained(config.modelId, { progress_callback }),
    AutoModelForSequenceClassification.from_pretrained(config.modelId, {
      dtype: config.dtype,
      ...(config.device ? { device: config.device } : {}),
      ...(config.threads ? { session_options: { intraOpNumThreads: config.threads, interOpNumThreads: 1 } } : {}),
      progress_callback,
    }),
  ]);
  // The model's error first: a missing repository fails the tokenizer with a TypeError that reads like a network error.
  if (model.status === 'rejected') throw loadError(config, model.reason);
  if (tokenizer.status === 'rejected') {
    void model.value.dispose().catch(() => undefined);
    throw loadError(config, tokenizer.reason);
  }
  return { tokenizer: tokenizer.value, model: model.value };
}
