/**
 * Which models take images, guessed from the model's name. Conservative: a
 * family is listed only when its documentation says it reads images, and
 * text-only members of a family are excluded by name. A wrong guess either
 * way is fixed by the per-model switch in the options page (vision-settings.ts).
 */

/** Names that never take images in a chat request: speech, embeddings, image generation. */
const notVision = [
  /embed/,
  /\btts\b|-tts|whisper|transcribe|audio|realtime/,
  /moderation/,
  /dall-e|gpt-image|image-gen|imagen/,
  // Claude 3.5 Haiku launched text-only.
  /claude-3[.-]5-haiku/,
  // o1-mini, o1-preview and o3-mini have no image input.
  /(^|[/:])o1-(mini|preview)|(^|[/:])o3-mini/,
  // GPT-4 Turbo *preview* models (0125, 1106) read no images; gpt-4-turbo (2024-04-09) does.
  /gpt-4-turbo-preview|gpt-4-(0125|1106)/,
  // Gemma 3 1B and 270M are text-only.
  /gemma-?3[:-](1b|270m)/,
  // Gemma 3n reads images in some runtimes only.
  /gemma-?3n/,
  // Search-preview models take no image input.
  /search-preview/,
];

/** Families documented to read images (OpenAI-compatible `image_url` parts). */
const vision = [
  // OpenAI
  /gpt-4o/,
  /gpt-4\.1/,
  /gpt-4\.5/,
  /gpt-5/,
  /gpt-4-turbo/,
  /gpt-4-vision/,
  /(^|[/:])o1(?![\w-]*mini)/,
  /(^|[/:])o3/,
  /(^|[/:])o4-mini/,
  // Anthropic: every Claude 3 and 4 model except 3.5 Haiku (above)
  /claude-3/,
  /claude-(sonnet|opus|haiku)-4/,
  /claude-4/,
  // Google
  /gemini/,
  /gemma-?3/,
  // Alibaba Qwen: qwen-vl-max, qwen2.5-vl, qwen2.5vl (Ollama), qwen3-vl, QVQ
  /qwen[\d.]*-?vl/,
  /qvq/,
  // Zhipu GLM: glm-4v, glm-4v-plus, glm-4.1v-thinking, glm-4.5v, glm-4.6v
  /glm-\d+(\.\d+)?v/,
  // Moonshot: moonshot-v1-8k-vision-preview …, Kimi-VL
  /moonshot-v1-[\w-]*vision/,
  /kimi-vl/,
  // Open models usually served by Ollama, LM Studio or vLLM
  /llava/,
  /llama-?3\.2[\w-]*vision/,
  /llama-?4/,
  /minicpm-v/,
  /pixtral/,
  /internvl/,
  /deepseek-vl/,
  /moondream/,
  /granite[\d.]*-vision/,
  // Anything else named as a vision model (grok-2-vision, doubao-…-vision, …)
  /[-_]vision\b/,
];

/** Whether a model's name marks it as reading images. */
export function detectVision(model: string): boolean {
  const name = model.trim().toLowerCase();
  if (!name) return false;
  if (notVision.some((pattern) => pattern.test(name))) return false;
  return vision.some((pattern) => pattern.test(name));
}

/** The user's switch wins over the guess from the name. */
export function takesImages(model: string, overrides: Readonly<Record<string, boolean>>): boolean {
  return overrides[model.trim()] ?? detectVision(model);
}
