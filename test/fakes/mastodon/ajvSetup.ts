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

/**
 * Adds `unevaluatedProperties: false` to every object schema that lists its properties, and to
 * every schema composed with `allOf`. The parts of an `allOf` (inline, or components they point
 * to such as BaseStatus under TextStatus) are left open: `unevaluatedProperties` only sees what
 * its own schema evaluated, so a closed part would reject the fields of its siblings; the
 * composed schema closes the whole instead.
 */
export function forbidUnknownProperties(doc: Json): Json {
  const parts = new Set<Json>();
  const refs = new Set<string>();
  collectAllOfParts(doc, parts, refs);
  const components = (doc as JsonObject | null)?.components as JsonObject | undefined;
  const schemas = components?.schemas as JsonObject | undefined;
  for (const ref of refs) {
    const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
    const target = name ? schemas?.[name] : undefined;
    if (target) parts.add(target);
  }
  closeObjects(doc, parts);
  return doc;
}

function collectAllOfParts(node: Json, parts: Set<Json>, refs: Set<string>): void {
  if (Array.isArray(node)) return node.forEach((n) => collectAllOfParts(n, parts, refs));
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') continue;
    if (key === 'allOf' && Array.isArray(value)) {
      for (const part of value) {
        parts.add(part);
        const ref = part && typeof part === 'object' && !Array.isArray(part) ? part.$ref : undefined;
        if (typeof ref === 'string') refs.add(ref);
      }
    }
    collectAllOfParts(value, parts, refs);
  }
}

function closeObjects(node: Json, parts: ReadonlySet<Json>): void {
  if (Array.isArray(node)) return node.forEach((n) => closeObjects(n, parts));
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    // Example payloads are data, not schemas.
    if (key === 'example' || key === 'examples') continue;
    if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      Object.values(value).forEach((v) => closeObjects(v, parts));
      continue;
    }
    closeObjects(value, parts);
  }
  const listsProperties = 'properties' in node && typeof node.properties === 'object' && !Array.isArray(node.properties);
  const composed = Array.isArray(node.allOf);
  if ((composed || (listsProperties && !parts.has(node))) && !('additionalProperties' in node) && !('unevaluatedProperties' in node)) {
    node.unevaluatedProperties = false;
  }
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
