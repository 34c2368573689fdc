import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { default as Ajv2020, ValidateFunction } from 'ajv/dist/2020';
import {
  describe,
  encodePointerForUri,
  escapePointer,
  forbidUnknownProperties,
  makeAjv,
  pointerGet,
  SCHEMA_ID,
  type Json,
  type JsonObject,
} from './ajvSetup';

/**
 * Validates HTTP exchanges against the Mastodon OpenAPI document (../shared/corpora/mastodon-openapi,
 * MIT), so the fake server cannot drift from the real API. Quirks of that document and how they are
 * handled here:
 * - OpenAPI 3.1 schemas are JSON Schema 2020-12, so Ajv2020. `$ref` with siblings (`type`,
 *   `description`) is legal there; nullability is spelled `type: ["string","null"]` or
 *   `oneOf: [X, {type: null}]` and needs no OpenAPI 3.0 `nullable` handling.
 * - OpenAPI-only keywords inside schemas (`example`, `externalDocs`) are declared as annotations so
 *   Ajv's strict mode still rejects real typos.
 * - Custom formats: `iso-639-1` (Mastodon also sends ISO 639-3 codes and region suffixes such as
 *   `zh-TW`, so 2-3 letters plus optional subtags), `scopes` (space-separated scope tokens),
 *   `binary` (file uploads; anything).
 * - The document never says `additionalProperties: false`, so any typo in a fake's field name would
 *   pass. Every object schema with `properties` gets `unevaluatedProperties: false` here: a request
 *   or response field the document does not know is a violation. (Composition-safe in 2020-12.)
 *   Real servers do send a few undocumented fields (`meta.small.size`, `configuration.vapid`);
 *   the fake simply does not, and the connector's zod schemas ignore unknown fields anyway.
 *   A side effect: `quote: oneOf [Quote, ShallowQuote, null]` becomes decidable (without it a
 *   `{state}`-only quote matches both branches and fails oneOf).
 * - The document's `examples` are not used as fixtures: many fail its own schemas (Status and
 *   Account examples lack `uri`, Notification lacks `group_key`, CredentialApplication `vapid_key`).
 * - /oauth/authorize documents only 200 ("String (URL) or HTML response"), while the real server
 *   answers an approved authorization with a 302 to the redirect URI; 302 is accepted there only.
 */
export const DEFAULT_SCHEMA_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/corpora/mastodon-openapi/schema.json',
);

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const EXTRA_STATUSES: Record<string, string[]> = { 'GET /oauth/authorize': ['302'] };

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonObject;
}

export interface Operation {
  /** `METHOD /template`, e.g. `GET /api/v1/timelines/tag/{hashtag}`. */
  key: string;
  method: string;
  template: string;
  pointer: string;
  parameters: Parameter[];
  node: JsonObject;
  literalSegments: number;
  regex: RegExp;
  pathNames: string[];
}

export interface ExchangeRequest {
  method: string;
  /** Path and query as received, e.g. `/api/v1/timelines/home?limit=40`. */
  url: string;
  contentType: string | null;
  /** Raw body text; empty for none. */
  body: string;
}

export interface ExchangeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export class OpenApiValidator {
  private readonly ajv: Ajv2020;
  /** Same document, coercing strings: query, path and header values arrive as text. */
  private readonly paramAjv: Ajv2020;
  private readonly operations: Operation[] = [];
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly doc: JsonObject) {
    const strictDoc = forbidUnknownProperties(structuredClone(doc)) as JsonObject;
    this.ajv = makeAjv(strictDoc, false);
    this.paramAjv = makeAjv(strictDoc, true);
    this.indexOperations();
  }

  static load(path: string = process.env.MASTODON_OPENAPI_SCHEMA ?? DEFAULT_SCHEMA_PATH): OpenApiValidator {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (cause) {
      throw new Error(`The Mastodon OpenAPI document is missing at ${path} (set MASTODON_OPENAPI_SCHEMA)`, { cause });
    }
    return new OpenApiValidator(JSON.parse(text) as JsonObject);
  }

  get operationCount(): number {
    return this.operations.length;
  }

  /** The operation a request addresses; literal segments win over templates (`/requests` over `/{id}`). */
  match(method: string, pathname: string): { operation: Operation; pathParams: Record<string, string> } | null {
    let best: { operation: Operation; pathParams: Record<string, string> } | null = null;
    for (const operation of this.operations) {
      if (operation.method !== method.toLowerCase()) continue;
      const m = operation.regex.exec(pathname);
      if (!m) continue;
      if (best && best.operation.literalSegments >= operation.literalSegments) continue;
      const pathParams: Record<string, string> = {};
      operation.pathNames.forEach((name, i) => {
        pathParams[name] = safeDecode(m[i + 1] ?? '');
      });
      best = { operation, pathParams };
    }
    return best;
  }

  /** Violations of one request: unknown operation, path and query parameters, body. */
  checkRequest(request: ExchangeRequest): { operation: Operation | null; violations: string[] } {
    const url = new URL(request.url, 'http://fake.invalid');
    const found = this.match(request.method, url.pathname);
    if (!found) return { operation: null, violations: [`${request.method} ${url.pathname}: no such operation in the API`] };
    const { operation, pathParams } = found;
    const violations = [
      ...this.checkPathParams(operation, pathParams),
      ...this.checkQuery(operation, url.searchParams),
      ...this.checkBody(operation, request),
    ];
    return { operation, violations: violations.map((v) => `${operation.key} request: ${v}`) };
  }

  /** Violations of one response to an operation: undocumented status, headers, body. */
  checkResponse(operation: Operation, response: ExchangeResponse): string[] {
    const status = String(response.status);
    const responses = operation.node.responses as JsonObject;
    const extra = EXTRA_STATUSES[operation.key] ?? [];
    const violations: string[] = [];
    const declared = responses[status] ?? responses.default;
    if (!declared) {
      if (!extra.includes(status)) violations.push(`status ${status} is not documented`);
      return violations.map((v) => `${operation.key} response: ${v}`);
    }
    const pointer = `${operation.pointer}/responses/${escapePointer(responses[status] ? status : 'default')}`;
    const spec = this.deref(declared);
    violations.push(...this.checkResponseHeaders(spec, pointer, response.headers));
    const content = spec.content as JsonObject | undefined;
    if (content) {
      const mediaType = (response.headers['content-type'] ?? '').split(';')[0]!.trim();
      if (!(mediaType in content)) {
        violations.push(`content type "${mediaType}" is not one of ${Object.keys(content).join(', ')}`);
      } else if (mediaType === 'application/json') {
        const parsed = parseJson(response.body);
        if (!parsed.ok) violations.push(`body is not JSON`);
        else
          violations.push(
            ...this.validate(this.ajv, `${pointer}/content/${escapePointer(mediaType)}/schema`, parsed.value, 'body'),
          );
      }
    }
    return violations.map((v) => `${operation.key} ${status} response: ${v}`);
  }

  /** Checks a value against `#/components/schemas/<name>` (used to check fixtures directly). */
  checkSchema(name: string, value: unknown): string[] {
    return this.validate(this.ajv, `/components/schemas/${escapePointer(name)}`, value, name);
  }

  private indexOperations(): void {
    const paths = this.doc.paths as JsonObject;
    for (const [template, item] of Object.entries(paths)) {
      const pathItem = item as JsonObject;
      const shared = (pathItem.parameters as Json[] | undefined) ?? [];
      for (const method of METHODS) {
        const node = pathItem[method] as JsonObject | undefined;
        if (!node) continue;
        const parameters = [...shared, ...((node.parameters as Json[] | undefined) ?? [])].map(
          (p) => this.deref(p) as unknown as Parameter,
        );
        const segments = template.split('/').filter(Boolean);
        const pathNames: string[] = [];
        const pattern = segments
          .map((s) => {
            const m = /^\{(.+)\}$/.exec(s);
            if (!m) return escapeRegex(s);
            pathNames.push(m[1]!);
            return '([^/]+)';
          })
          .join('/');
        this.operations.push({
          key: `${method.toUpperCase()} ${template}`,
          method,
          template,
          pointer: `/paths/${escapePointer(template)}/${method}`,
          parameters,
          node,
          literalSegments: segments.filter((s) => !s.startsWith('{')).length,
          regex: new RegExp(`^/${pattern}/?$`),
          pathNames,
        });
      }
    }
  }

  private checkPathParams(operation: Operation, values: Record<string, string>): string[] {
    const out: string[] = [];
    for (const p of operation.parameters.filter((x) => x.in === 'path')) {
      const value = values[p.name];
      if (value === undefined || value === '') out.push(`path parameter ${p.name} is missing`);
      else out.push(...this.validateParam(operation, p, value));
    }
    return out;
  }

  private checkQuery(operation: Operation, search: URLSearchParams): string[] {
    const out: string[] = [];
    const declared = new Map(operation.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]));
    const values = new Map<string, string | string[]>();
    for (const [rawKey, value] of search) {
      // Rails reads an array only from `name[]=a&name[]=b`; a bare `name=a` stays a string.
      const isArray = rawKey.endsWith('[]');
      const name = isArray ? rawKey.slice(0, -2) : rawKey;
      const p = declared.get(name);
      if (!p) {
        out.push(`query parameter "${rawKey}" is not documented`);
        continue;
      }
      const wantsArray = schemaAllowsType(this.deref(p.schema), 'array');
      if (isArray !== wantsArray) {
        out.push(`query parameter "${name}" must be sent as ${wantsArray ? `${name}[]=` : `${name}=`}`);
        continue;
      }
      if (isArray) values.set(name, [...((values.get(name) as string[] | undefined) ?? []), value]);
      else values.set(name, value);
    }
    for (const p of declared.values()) {
      const value = values.get(p.name);
      if (value === undefined) {
        if (p.required) out.push(`query parameter "${p.name}" is required`);
      } else out.push(...this.validateParam(operation, p, value));
    }
    return out;
  }

  private validateParam(operation: Operation, p: Parameter, value: string | string[]): string[] {
    const index = operation.parameters.indexOf(p);
    const shared = ((this.doc.paths as JsonObject)[operation.template] as JsonObject).parameters as Json[] | undefined;
    // Parameters sit either on the operation or on the path item; point at the right one.
    const ownIndex = index - (shared?.length ?? 0);
    const pointer =
      ownIndex >= 0
        ? `${operation.pointer}/parameters/${ownIndex}/schema`
        : `/paths/${escapePointer(operation.template)}/parameters/${index}/schema`;
    return this.validate(this.paramAjv, pointer, value, `${p.in} parameter "${p.name}"`);
  }

  private checkBody(operation: Operation, request: ExchangeRequest): string[] {
    const spec = operation.node.requestBody ? this.deref(operation.node.requestBody) : null;
    const hasBody = request.body.length > 0;
    if (!spec) return hasBody && request.method !== 'GET' ? ['a body was sent to an operation that takes none'] : [];
    if (!hasBody) return spec.required ? ['the request body is required'] : [];
    const mediaType = (request.contentType ?? '').split(';')[0]!.trim();
    const content = spec.content as JsonObject;
    if (!(mediaType in content)) return [`content type "${mediaType}" is not one of ${Object.keys(content).join(', ')}`];
    if (mediaType !== 'application/json') return [];
    const parsed = parseJson(request.body);
    if (!parsed.ok) return ['body is not JSON'];
    return this.validate(this.ajv, `${operation.pointer}/requestBody/content/${escapePointer(mediaType)}/schema`, parsed.value, 'body');
  }

  private checkResponseHeaders(spec: JsonObject, pointer: string, headers: Record<string, string>): string[] {
    const out: string[] = [];
    for (const [name, header] of Object.entries((spec.headers as JsonObject | undefined) ?? {})) {
      const value = headers[name.toLowerCase()];
      if (value === undefined) continue; // response headers are documented, never required
      const ref = (header as JsonObject).$ref;
      const at = typeof ref === 'string' ? ref.replace(/^#/, '') : `${pointer}/headers/${escapePointer(name)}`;
      out.push(...this.validate(this.paramAjv, `${at}/schema`, value, `header ${name}`));
    }
    return out;
  }

  private validate(ajv: Ajv2020, pointer: string, value: unknown, label: string): string[] {
    const key = `${ajv === this.ajv ? 'strict' : 'param'}:${pointer}`;
    let fn = this.cache.get(key);
    if (!fn) {
      fn = ajv.compile({ $ref: `${SCHEMA_ID}#${encodePointerForUri(pointer)}` });
      this.cache.set(key, fn);
    }
    // Coercion rewrites values in place; validate a copy.
    return fn(structuredClone(value)) ? [] : describe(label, fn.errors);
  }

  /** Follows `$ref`s to parameters, headers, responses and request bodies inside the document. */
  private deref(node: Json | undefined): JsonObject {
    let current = node as JsonObject;
    for (let hops = 0; current && typeof current.$ref === 'string' && hops < 20; hops++) {
      current = pointerGet(this.doc, (current.$ref as string).replace(/^#/, '')) as JsonObject;
    }
    return current;
  }
}

function schemaAllowsType(schema: JsonObject, type: string): boolean {
  const t = schema.type;
  return t === type || (Array.isArray(t) && t.includes(type));
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
