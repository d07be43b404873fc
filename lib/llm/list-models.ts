import { createClient } from './client';
import { isLocalURL } from './presets';
import { toProviderError } from './provider-errors';

/** Lists a provider's models through `/models`: the "Test connection" check. */
export async function listModels(baseURL: string, apiKey: string | undefined, signal?: AbortSignal): Promise<string[]> {
  const client = createClient({ baseURL, apiKey });
  try {
    const ids: string[] = [];
    for await (const model of client.models.list({ signal })) ids.push(model.id);
    return ids.sort((a, b) => a.localeCompare(b));
  } catch (error) {
    throw toProviderError(error, { local: isLocalURL(baseURL) });
  }
}
