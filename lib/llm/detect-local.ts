import { listModels } from './list-models';
import { providerPresets } from './presets';

export interface LocalServer {
  readonly presetId: string;
  readonly baseURL: string;
  readonly models: string[];
}

/** Local servers the onboarding looks for, so a user with a local model types nothing. */
const candidates = providerPresets.filter((preset) => preset.id === 'ollama' || preset.id === 'lmstudio');

/** Asks Ollama and LM Studio at their default ports, briefly, in parallel. */
export async function detectLocalServers(timeoutMs = 1500): Promise<LocalServer[]> {
  const found = await Promise.all(
    candidates.map(async (preset): Promise<LocalServer | undefined> => {
      try {
        const models = await listModels(preset.baseURL, undefined, AbortSignal.timeout(timeoutMs));
        return { presetId: preset.id, baseURL: preset.baseURL, models };
      } catch {
        return undefined;
      }
    }),
  );
  return found.filter((server): server is LocalServer => server !== undefined);
}
