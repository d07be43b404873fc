import type { ErrorCode } from '../../messaging/errors';
import type { SearchResult } from '../search-result';

/** One HTTP request to an engine. */
export interface EngineRequest {
  readonly url: string;
  readonly init: RequestInit;
}

export interface EngineQuery {
  readonly query: string;
  readonly endpoint: string;
  readonly key: string | undefined;
  /** Results wanted. */
  readonly count: number;
  /** Google Programmable Search's engine id. */
  readonly cx: string;
}

/**
 * An engine's documented request and response format (one file each in this
 * folder). `results` reads the parsed JSON body and throws on a body that is
 * not the documented shape; `bodyStatus` reads an error an engine reports in
 * its body with an HTTP-like code (Bocha answers `{"code": 401, …}`).
 */
export interface EngineFormat {
  request(query: EngineQuery): EngineRequest;
  results(body: unknown): SearchResult[];
  bodyStatus?(body: unknown): number | undefined;
  /** What a failure means when its status alone does not say (Brave's 422 for a bad key). */
  classify?(status: number, body: unknown): ErrorCode | undefined;
  /** The engine's own words about a failure, from an error body. */
  errorText?(body: unknown): string | undefined;
}

/** Results that passed toSearchResult (a null is a result without an http(s) URL). */
export function kept(results: readonly (SearchResult | null)[]): SearchResult[] {
  return results.filter((result): result is SearchResult => result !== null);
}
