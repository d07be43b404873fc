import type { ApiEngineId } from './engines';
import { bochaFormat } from './formats/bocha';
import { braveFormat } from './formats/brave';
import type { EngineFormat } from './formats/engine-format';
import { googleFormat } from './formats/google';
import { searxngFormat } from './formats/searxng';
import { tavilyFormat } from './formats/tavily';
import { zhipuFormat } from './formats/zhipu';

/** Each API engine's request and response format. */
export const engineFormats: Readonly<Record<ApiEngineId, EngineFormat>> = {
  searxng: searxngFormat,
  brave: braveFormat,
  tavily: tavilyFormat,
  google: googleFormat,
  bocha: bochaFormat,
  zhipu: zhipuFormat,
};
