import { describe, expect, it } from 'vitest';
import { checkInputSchema } from './tool-input-schema';

const forecast = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1, maximum: 7 } },
  required: ['city'],
};

describe('checkInputSchema', () => {
  it('turns a server’s object schema into a validator, and hands the model the schema without $schema', () => {
    const check = checkInputSchema(forecast);
    if (!check.ok) throw new Error(check.problem);
    expect(check.parameters).not.toHaveProperty('$schema');
    expect(check.parameters.required).toEqual(['city']);
    expect(check.input.safeParse({ city: 'Oslo', days: 3 }).success).toBe(true);
    expect(check.input.safeParse({ days: 3 }).success).toBe(false);
    expect(check.input.safeParse({ city: 'Oslo', days: 9 }).success).toBe(false);
    expect(check.input.safeParse({ city: 'Oslo', days: 1.5 }).success).toBe(false);
  });

  it('follows local $refs and enums', () => {
    const check = checkInputSchema({
      type: 'object',
      properties: { unit: { $ref: '#/$defs/unit' } },
      $defs: { unit: { type: 'string', enum: ['C', 'F'] } },
    });
    if (!check.ok) throw new Error(check.problem);
    expect(check.input.safeParse({ unit: 'C' }).success).toBe(true);
    expect(check.input.safeParse({ unit: 'K' }).success).toBe(false);
  });

  it.each([
    ['not an object', 'object schema please', 'not an object'],
    ['no object type', { type: 'string' }, '"type": "object"'],
    ['an unknown type', { type: 'object', properties: { when: { type: 'timestamp' } } }, 'properties.when.type'],
    ['required as a string', { type: 'object', required: 'city' }, 'required'],
    ['properties as a string', { type: 'object', properties: 'city' }, 'properties'],
    [
      'an external $ref',
      { type: 'object', properties: { a: { $ref: 'https://evil.example/s.json' } } },
      'External $ref',
    ],
    [
      'a broken pattern',
      { type: 'object', properties: { a: { type: 'string', pattern: '([a-z' } } },
      'regular expression',
    ],
    [
      'if/then/else',
      JSON.parse('{"type":"object","if":{"required":["a"]},"then":{"required":["b"]}}'),
      'not supported',
    ],
  ])('refuses %s, saying why', (_name, schema, why) => {
    const check = checkInputSchema(schema);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toContain(why);
  });

  it('refuses a schema too large to send with every request', () => {
    const properties = Object.fromEntries(
      Array.from({ length: 2_000 }, (_, i) => [`p${i}`, { type: 'string', description: 'x'.repeat(30) }]),
    );
    const check = checkInputSchema({ type: 'object', properties });
    expect(check.ok).toBe(false);
  });
});
