import type { MessageKey } from '../i18n/en';

/**
 * Provider presets: each one a base URL, known models and where users get a key.
 * Every provider here speaks the OpenAI Chat Completions API.
 */
export interface ProviderPreset {
  readonly id: string;
  /** Display name; brand names read the same in every UI language. */
  readonly name: string;
  /** A name that is words rather than a brand, shown translated (see preset-name.ts). */
  readonly nameKey?: MessageKey;
  readonly baseURL: string;
  readonly models: readonly string[];
  readonly defaultModel: string;
  /** Where to create an API key; absent for local servers, which need none. */
  readonly keyUrl?: string;
  readonly needsKey: boolean;
  /** Runs on the user's machine (localhost); its Origin header is rewritten, see local-origin.ts. */
  readonly local: boolean;
}

export const providerPresets: readonly ProviderPreset[] = [
  {
    id: 'openai',
    name: 'OpenAI',
    baseURL: 'https://api.openai.com/v1',
    models: ['gpt-4.1-mini', 'gpt-4.1', 'gpt-4o-mini', 'gpt-4o', 'o4-mini'],
    defaultModel: 'gpt-4.1-mini',
    keyUrl: 'https://platform.openai.com/api-keys',
    needsKey: true,
    local: false,
  },
  {
    id: 'deepseek',
    name: 'DeepSeek',
    baseURL: 'https://api.deepseek.com/v1',
    models: ['deepseek-chat', 'deepseek-reasoner'],
    defaultModel: 'deepseek-chat',
    keyUrl: 'https://platform.deepseek.com/api_keys',
    needsKey: true,
    local: false,
  },
  {
    id: 'qwen',
    name: 'Qwen (DashScope)',
    baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    models: ['qwen-plus', 'qwen-max', 'qwen-turbo', 'qwen-long'],
    defaultModel: 'qwen-plus',
    keyUrl: 'https://bailian.console.aliyun.com/?apiKey=1',
    needsKey: true,
    local: false,
  },
  {
    id: 'moonshot',
    name: 'Moonshot (Kimi)',
    baseURL: 'https://api.moonshot.cn/v1',
    models: ['kimi-k2-0905-preview', 'moonshot-v1-32k', 'moonshot-v1-128k'],
    defaultModel: 'kimi-k2-0905-preview',
    keyUrl: 'https://platform.moonshot.cn/console/api-keys',
    needsKey: true,
    local: false,
  },
  {
    id: 'zhipu',
    name: 'Zhipu GLM',
    baseURL: 'https://open.bigmodel.cn/api/paas/v4',
    models: ['glm-4.5', 'glm-4.5-air', 'glm-4-flash'],
    defaultModel: 'glm-4.5-air',
    keyUrl: 'https://open.bigmodel.cn/usercenter/apikeys',
    needsKey: true,
    local: false,
  },
  {
    id: 'siliconflow',
    name: 'SiliconFlow',
    baseURL: 'https://api.siliconflow.cn/v1',
    models: ['deepseek-ai/DeepSeek-V3', 'deepseek-ai/DeepSeek-R1', 'Qwen/Qwen2.5-72B-Instruct'],
    defaultModel: 'deepseek-ai/DeepSeek-V3',
    keyUrl: 'https://cloud.siliconflow.cn/account/ak',
    needsKey: true,
    local: false,
  },
  {
    id: 'openrouter',
    name: 'OpenRouter',
    baseURL: 'https://openrouter.ai/api/v1',
    models: ['openai/gpt-4.1-mini', 'anthropic/claude-sonnet-4', 'deepseek/deepseek-chat'],
    defaultModel: 'openai/gpt-4.1-mini',
    keyUrl: 'https://openrouter.ai/keys',
    needsKey: true,
    local: false,
  },
  {
    id: 'ollama',
    name: 'Ollama',
    baseURL: 'http://127.0.0.1:11434/v1',
    models: [],
    defaultModel: 'qwen2.5:7b',
    needsKey: false,
    local: true,
  },
  {
    id: 'lmstudio',
    name: 'LM Studio',
    baseURL: 'http://127.0.0.1:1234/v1',
    models: [],
    defaultModel: 'local-model',
    needsKey: false,
    local: true,
  },
  {
    id: 'vllm',
    name: 'vLLM',
    baseURL: 'http://127.0.0.1:8000/v1',
    models: [],
    defaultModel: 'local-model',
    needsKey: false,
    local: true,
  },
  {
    id: 'custom',
    name: 'Custom (OpenAI-compatible)',
    nameKey: 'preset.custom',
    baseURL: 'https://example.com/v1',
    models: [],
    defaultModel: 'model-name',
    needsKey: false,
    local: false,
  },
];

export function findPreset(id: string): ProviderPreset {
  return providerPresets.find((preset) => preset.id === id) ?? (providerPresets.at(-1) as ProviderPreset);
}

/** True for URLs that point at this machine, whose servers often check the Origin header. */
export function isLocalURL(url: string): boolean {
  try {
    const { hostname } = new URL(url);
    return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  } catch {
    return false;
  }
}
