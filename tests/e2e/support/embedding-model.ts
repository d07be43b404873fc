import { type ModelServer, startModelServer } from '../../support/model-server';
import { makeTestModels, TEST_MODELS } from '../../support/test-models/make-test-models';
import { openExtensionPage } from './extension';
import type { Session } from './session';

/**
 * Points the session's extension at the tiny test embedding model, served in
 * the Hub's layout by a local "mirror", the way a user sets a mirror in the
 * options page. The model downloads on first use, through the product's real path.
 */
export async function useTestEmbeddingModel(s: Session): Promise<ModelServer> {
  makeTestModels(['tiny']);
  const server = await startModelServer();
  s.aside.audit.allow(server.origin);
  const options = await openExtensionPage(s.aside, 'options.html');
  const section = options.getByTestId('embedder-settings');
  await section.getByLabel('Embedding model').fill(TEST_MODELS.tiny);
  await section.getByLabel('Model host').selectOption('mirror');
  await section.getByLabel('Mirror URL').fill(server.url);
  // Turns semantic search on: the model downloads once, with progress, then is cached.
  await section.getByRole('button', { name: 'Download and test the model' }).click();
  await options.locator('[data-testid="model-status"][data-state="ready"]').waitFor({ timeout: 120_000 });
  await options.close();
  return server;
}
