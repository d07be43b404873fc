import { z } from 'zod';

const jsonTypes = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'] as const;

/**
 * The shape of the JSON Schema keywords that matter for checking arguments.
 * Unknown keywords pass (annotations, vendor extensions); a known keyword
 * with the wrong shape (`"type": "timestamp"`, `"required": "a"`) fails.
 */
const objectShape: z.ZodType = z.lazy(() =>
  z.looseObject({
    type: z.union([z.enum(jsonTypes), z.array(z.enum(jsonTypes)).min(1)]).optional(),
    properties: z.record(z.string(), schemaShape).optional(),
    required: z.array(z.string()).optional(),
    items: z.union([schemaShape, z.array(schemaShape)]).optional(),
    additionalProperties: schemaShape.optional(),
    enum: z.array(z.unknown()).optional(),
    anyOf: z.array(schemaShape).min(1).optional(),
    oneOf: z.array(schemaShape).min(1).optional(),
    allOf: z.array(schemaShape).min(1).optional(),
    $defs: z.record(z.string(), schemaShape).optional(),
    definitions: z.record(z.string(), schemaShape).optional(),
    pattern: z.string().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    minLength: z.number().int().min(0).optional(),
    maxLength: z.number().int().min(0).optional(),
    minItems: z.number().int().min(0).optional(),
    maxItems: z.number().int().min(0).optional(),
  }),
);
const schemaShape: z.ZodType = z.lazy(() => z.union([z.boolean(), objectShape]));

/** A server's schema larger than this is refused rather than sent to the model on every request. */
const maxSchemaChars = 50_000;

export type InputSchemaCheck =
  | {
      readonly ok: true;
      /** Checks the model's arguments against the server's schema. */
      readonly input: z.ZodType;
      /** The server's schema as the model sees it (without `$schema`). */
      readonly parameters: Record<string, unknown>;
    }
  | { readonly ok: false; readonly problem: string };

interface Found {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The most specific problem: inside a union (schema or boolean), the branch that got furthest. */
function deepest(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): Found | null {
  let best: Found | null = null;
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const found =
      issue.code === 'invalid_union' && issue.errors.length > 0
        ? deepest(issue.errors.flat(), path)
        : { path, message: issue.message };
    if (found && (!best || found.path.length > best.path.length)) best = found;
  }
  return best;
}

function describeIssues(error: z.ZodError): string {
  const found = deepest(error.issues);
  return found ? `${found.path.map(String).join('.') || '(root)'}: ${found.message}` : error.message;
}

/**
 * Checks a tool's `inputSchema` as an MCP server listed it: an object schema
 * whose keywords have their JSON Schema shapes, that Aside can turn into a
 * validator (zod's `fromJSONSchema`: local `$ref`s only, no if/then/else).
 * A tool that fails is left out with the reason; the server's other tools work.
 */
export function checkInputSchema(schema: unknown): InputSchemaCheck {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return { ok: false, problem: 'the input schema is not an object' };
  }
  const text = JSON.stringify(schema);
  if (text.length > maxSchemaChars)
    return { ok: false, problem: `the input schema is over ${maxSchemaChars} characters` };
  if ((schema as { type?: unknown }).type !== 'object') {
    return { ok: false, problem: 'the input schema must describe an object ("type": "object")' };
  }
  const shape = objectShape.safeParse(schema);
  if (!shape.success) return { ok: false, problem: `invalid JSON Schema at ${describeIssues(shape.error)}` };
  const { $schema: _dialect, ...parameters } = schema as Record<string, unknown>;
  try {
    return { ok: true, input: z.fromJSONSchema(schema as z.core.JSONSchema.JSONSchema), parameters };
  } catch (error) {
    return { ok: false, problem: `unsupported JSON Schema: ${error instanceof Error ? error.message : String(error)}` };
  }
}
