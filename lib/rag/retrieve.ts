// TEMP STUB (not committed)
export interface RetrievedChunk {
  chunkId: string;
  pageId: string;
  ordinal: number;
  text: string;
  headingPath: string[];
  start: number;
  end: number;
  score: number;
}
export async function hybridSearch(_o: {
  query: string;
  queryVector: Float32Array | null;
  modelId: string | null;
  k?: number;
}): Promise<RetrievedChunk[]> {
  return [];
}
