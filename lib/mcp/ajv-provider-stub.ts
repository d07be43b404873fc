/**
 * Stands in for the MCP SDK's `validation/ajv-provider.js` in Aside's build
 * (wxt.config.ts aliases it here). The SDK's client imports Ajv as its default
 * JSON Schema validator, but Ajv compiles schemas with `new Function`, which
 * an MV3 extension's CSP refuses; Aside always passes its own validator
 * (lib/mcp/mcp-schema-validator.ts), so this default is never built, and
 * leaving Ajv out keeps ~230 kB out of the service worker.
 */
export class AjvJsonSchemaValidator {
  constructor() {
    throw new Error('Aside builds MCP clients with its own JSON Schema validator (lib/mcp/mcp-schema-validator.ts).');
  }
}
