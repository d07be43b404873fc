import { describe, expect, it } from 'vitest';
import { detectVision, takesImages } from './vision-models';

describe('detectVision', () => {
  it.each([
    'gpt-4o',
    'gpt-4o-mini',
    'chatgpt-4o-latest',
    'gpt-4.1-nano',
    'gpt-5',
    'gpt-5-mini',
    'gpt-4-turbo',
    'o1',
    'o3',
    'o4-mini',
    'openai/gpt-4o',
    'claude-3-opus-20240229',
    'claude-3-5-sonnet-latest',
    'claude-3-7-sonnet-20250219',
    'claude-sonnet-4-20250514',
    'claude-opus-4-1',
    'anthropic/claude-haiku-4.5',
    'gemini-2.5-flash',
    'google/gemini-2.0-flash-001',
    'gemma3:27b',
    'qwen-vl-max',
    'qwen-vl-plus',
    'qwen2.5-vl-72b-instruct',
    'Qwen/Qwen2.5-VL-7B-Instruct',
    'qwen2.5vl:7b',
    'qwen3-vl-plus',
    'qvq-max',
    'glm-4v',
    'glm-4v-plus',
    'glm-4v-flash',
    'glm-4.1v-thinking-flash',
    'glm-4.5v',
    'moonshot-v1-8k-vision-preview',
    'moonshot-v1-128k-vision-preview',
    'moonshotai/Kimi-VL-A3B-Instruct',
    'llava:13b',
    'llava-llama3',
    'llama3.2-vision:11b',
    'meta-llama/Llama-3.2-11B-Vision-Instruct',
    'llama-4-scout-17b-16e-instruct',
    'minicpm-v',
    'pixtral-12b-2409',
    'OpenGVLab/InternVL3-8B',
    'deepseek-ai/deepseek-vl2',
    'grok-2-vision-1212',
    'doubao-1.5-vision-pro-32k',
  ])('%s reads images', (model) => {
    expect(detectVision(model)).toBe(true);
  });

  it.each([
    'deepseek-chat',
    'deepseek-reasoner',
    'qwen-max',
    'qwen-plus',
    'qwen3-235b-a22b',
    'glm-4-plus',
    'glm-4.5',
    'glm-4-air',
    'moonshot-v1-8k',
    'kimi-k2-0905-preview',
    'gpt-3.5-turbo',
    'gpt-4',
    'gpt-4-turbo-preview',
    'gpt-4-0125-preview',
    'gpt-4o-audio-preview',
    'gpt-4o-realtime-preview',
    'gpt-4o-mini-tts',
    'gpt-4o-mini-transcribe',
    'gpt-4o-search-preview',
    'gpt-image-1',
    'o1-mini',
    'o1-preview',
    'o3-mini',
    'claude-3-5-haiku-20241022',
    'claude-2.1',
    'text-embedding-3-small',
    'gemini-embedding-001',
    'gemma3:1b',
    'llama3.1:8b',
    'mistral-large-latest',
    'test-model',
    '',
  ])('%s does not', (model) => {
    expect(detectVision(model)).toBe(false);
  });
});

describe('takesImages', () => {
  it('lets the user switch win over the name, both ways', () => {
    expect(takesImages('test-model', { 'test-model': true })).toBe(true);
    expect(takesImages('gpt-4o', { 'gpt-4o': false })).toBe(false);
    expect(takesImages('gpt-4o', { 'other-model': false })).toBe(true);
  });
});
