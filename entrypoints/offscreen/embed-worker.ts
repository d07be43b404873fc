// The embedder's worker, started by the offscreen document (lib/rag/embedder-host.ts).
import { serveEmbedWorker, type WorkerScope } from '../../lib/rag/embed-worker';

serveEmbedWorker(self as unknown as WorkerScope);
