import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** Ajv set up for the Mastodon OpenAPI document, and the JSON-pointer helpers of openapi.ts (which says why each setting). */
export const SCHEMA_ID = 'https://leitstand.invalid/mastodon-openapi.json';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function makeAjv(doc: JsonObject, coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // The document puts `type` next to `$ref` and uses union types on purpose.
    strictTypes: false,
    allowUnionTypes: true,
    coerceTypes: coerce ? 'array' : false,
    // Deep `$ref` chains (Status -> Account -> ...) compile once per operation; keep them shared.
    inlineRefs: false,
  });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'example', schemaType: ['string', 'number', 'boolean', 'object', 'array', 'null'] });
  ajv.addKeyword({ keyword: 'externalDocs', schemaType: 'object' });
  // The document's own containers; schemas are reached inside them by JSON pointer.
  ajv.addKeyword({ keyword: 'components', schemaType: 'object' });
  ajv.addKeyword({ keyword: 'paths', schemaType: 'object' });
  ajv.addFormat('iso-639-1', /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
  ajv.addFormat('scopes', /^[a-z:_]+( [a-z:_]+)*$/);
  ajv.addFormat('binary', true);
  // Only what schemas need: components, and paths for inline request/response/parameter schemas.
  ajv.addSchema({ $id: SCHEMA_ID, components: doc.components, paths: doc.paths } as object);
  return ajv;
}

/** Adds `unevaluatedProperties: false` to every object schema that lists its properties. */
export function forbidUnknownProperties(node: Json): Json {
  if (Array.isArray(node)) {
    node.forEach(forbidUnknownProperties);
    return node;
  }
  if (!node || typeof node !== 'object') return node;
  for (const [key, value] of Object.entries(node)) {
    // Example payloads are data, not schemas.
    if (key === 'example' || key === 'examples') continue;
    if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      Object.values(value).forEach(forbidUnknownProperties);
      continue;
    }
    forbidUnknownProperties(value);
  }
  const isSchema = 'properties' in node && typeof node.properties === 'object' && !Array.isArray(node.properties);
  if (isSchema && !('additionalProperties' in node) && !('unevaluatedProperties' in node)) {
    node.unevaluatedProperties = false;
  }
  return node;
}

export function describe(label: string, errors: ErrorObject[] | null | undefined): string[] {
  // oneOf failures repeat every branch's errors; the deepest few say what is wrong.
  return (errors ?? []).slice(0, 8).map((e) => {
    const extra =
      e.keyword === 'unevaluatedProperties'
        ? ` (${String((e.params as { unevaluatedProperty?: string }).unevaluatedProperty)})`
        : e.keyword === 'required'
          ? ''
          : ` ${JSON.stringify(e.params)}`;
    return `${label}${e.instancePath} ${e.message ?? e.keyword}${extra}`;
  });
}

export function pointerGet(doc: JsonObject, pointer: string): Json | undefined {
  let current: Json | undefined = doc;
  for (const part of pointer.split('/').slice(1)) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = current[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current;
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function encodePointerForUri(pointer: string): string {
  return pointer
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/%7E/gi, '~'))
    .join('/');
}
