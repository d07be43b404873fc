import { z } from 'zod';

/** An absolute http(s) URL: other schemes (file:, chrome:, javascript:, data:) are refused by the schema. */
export const httpUrl = z
  .string()
  .max(8192)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Must be an absolute http:// or https:// URL');

/** The site (origin) a URL belongs to, for consent grants; null for anything that is not http(s). */
export function siteOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
