// Writes the generated test models (Hub layout) into .cache/test-models, or the folder given as argument.
// Usage: npx tsx scripts/make-test-models.ts [dir] [--only tiny|minilm|reranker|minilmReranker]
import { makeTestModels, type TestModelName } from '../tests/support/test-models/make-test-models';

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? (args.splice(onlyAt, 2)[1] as TestModelName) : undefined;
const started = performance.now();
const dir = makeTestModels(only ? [only] : undefined, args[0]);
console.log(`test models in ${dir} (${Math.round(performance.now() - started)} ms)`);
