import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import { z } from 'zod';

/**
 * The JSON Schema validator the MCP client uses (tool output schemas,
 * elicitation), built on zod's `fromJSONSchema`, which needs no code
 * generation: the SDK's default, Ajv, compiles each schema with `new Function`,
 * which an MV3 service worker's CSP refuses. A schema zod cannot read makes
 * every value fail with the reason, rather than pass unchecked.
 */
export const zodSchemaValidator: jsonSchemaValidator = {
  getValidator<T>(schema: unknown) {
    let validator: z.ZodType | null = null;
    let problem = '';
    try {
      validator = z.fromJSONSchema(schema as z.core.JSONSchema.JSONSchema);
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    return (input: unknown) => {
      if (!validator) return { valid: false, data: undefined, errorMessage: `Unreadable schema: ${problem}` };
      const result = validator.safeParse(input);
      return result.success
        ? { valid: true, data: result.data as T, errorMessage: undefined }
        : { valid: false, data: undefined, errorMessage: result.error.message };
    };
  },
};
