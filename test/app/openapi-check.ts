import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * GitHub's REST API as its OpenAPI description (npm @octokit/openapi, api.github.com) says it: a
 * request the App made is checked for an operation with its method and path, and its JSON body
 * against the operation's request schema (required properties, types, enums).
 */
interface Operation {
  operationId: string;
  requestBody?: { content?: Record<string, { schema?: object }> };
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
}

const require = createRequire(import.meta.url);
const SPEC_FILE = require.resolve('@octokit/openapi/generated/api.github.com.json');

export interface RequestToCheck {
  method: string;
  /** The path as sent, with GitHub Enterprise's /api/v3 in front or not. */
  path: string;
  body?: unknown;
}

export class OpenApiCheck {
  readonly #spec: Spec;
  readonly #ajv: Ajv;
  readonly #routes: { method: string; template: string; re: RegExp; params: number; op: Operation }[] = [];
  readonly #validators = new Map<string, ValidateFunction>();

  constructor() {
    this.#spec = JSON.parse(fs.readFileSync(SPEC_FILE, 'utf8')) as Spec;
    // OpenAPI 3.0 keywords (nullable, example, x-*) are not JSON Schema's: not strict; formats are not checked.
    this.#ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    this.#ajv.addSchema(this.#spec as object, 'spec');
    for (const [template, methods] of Object.entries(this.#spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!op || typeof op !== 'object' || !('operationId' in op)) continue;
        const params = (template.match(/\{[^}]+\}/g) ?? []).length;
        const re = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\\{[^}]+\\\}|\{[^}]+\}/g, '[^/]+')}$`);
        this.#routes.push({ method: method.toUpperCase(), template, re, params, op });
      }
    }
    // A literal path wins over a template with parameters (/pulls/comments/{id} before /pulls/{number}/...).
    this.#routes.sort((a, b) => a.params - b.params);
  }

  /** The problems of one request: none when GitHub's description has its operation and its body fits. */
  problems(r: RequestToCheck): string[] {
    const path = r.path.replace(/^\/api\/v3(?=\/)/, '');
    const route = this.#routes.find((x) => x.method === r.method && x.re.test(path));
    if (!route) return [`${r.method} ${path}: no such operation in GitHub's REST API`];
    const schema = route.op.requestBody?.content?.['application/json']?.schema;
    if (r.body === undefined || !schema) return [];
    const key = `${route.method} ${route.template}`;
    let validate = this.#validators.get(key);
    if (!validate) {
      const pointer = `spec#/paths/${route.template.replace(/~/g, '~0').replace(/\//g, '~1')}/${route.method.toLowerCase()}/requestBody/content/application~1json/schema`;
      validate = this.#ajv.getSchema(pointer)!;
      this.#validators.set(key, validate);
    }
    if (validate(r.body)) return [];
    return (validate.errors ?? []).map((e) => `${route.op.operationId}: body${e.instancePath} ${e.message}${e.params && 'allowedValues' in e.params ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : ''}`);
  }
}
