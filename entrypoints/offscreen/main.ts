// The embedder host: an offscreen document the background opens on demand (lib/rag/offscreen-document.ts).
import { serveEmbedderHost } from '../../lib/rag/embedder-host';

serveEmbedderHost();
