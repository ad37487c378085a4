import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { RULES } from '../rules/index.js';
import { DEFAULT_LIMITS, TARGETS } from '../types.js';
import { CONFIG_PATH, DEFAULT_CONFIG, type AppConfig, type ConfigError, type SeverityOverride } from './config.js';

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; error: ConfigError };

const SEVERITIES: readonly SeverityOverride[] = ['error', 'warning', 'info', 'off'];
const RULE_IDS = new Set(RULES.map((r) => r.meta.id));
const MAX_COMMENTS_LIMIT = 1000;

class Invalid extends Error {
  constructor(message: string, readonly node: Node | null | undefined) {
    super(message);
  }
}

/** Reads `.github/memcg-review.yml`; an empty file gives the defaults. Errors name the line and column. */
export function parseConfig(text: string, path = CONFIG_PATH): ConfigResult {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const where = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const p = counter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const first = doc.errors[0];
  if (first) return { ok: false, error: { path, message: `not valid YAML: ${first.message.split('\n', 1)[0]}`, ...where(first.pos[0]) } };
  try {
    return { ok: true, config: readConfig(doc.contents) };
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    return { ok: false, error: { path, message: e.message, ...where(e.node?.range?.[0]) } };
  }
}

function readConfig(root: Node | null): AppConfig {
  const config: AppConfig = { ...DEFAULT_CONFIG, severity: {} };
  if (root === null || (isScalar(root) && root.value === null)) return config;
  if (!isMap(root)) throw new Invalid('the file must be a mapping of settings (key: value)', root);
  for (const pair of root.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as Node | null;
    switch (key) {
      case 'target':
        config.target = oneOf(value, ['auto', ...TARGETS], 'target');
        break;
      case 'paths':
      case 'ignore':
      case 'core':
        config[key] = globs(value, key);
        break;
      case 'severity':
        config.severity = severities(value);
        break;
      case 'maxComments':
        config.maxComments = count(value, 'maxComments', 0, MAX_COMMENTS_LIMIT);
        break;
      case 'checkRun':
      case 'drafts':
        config[key] = bool(value, key);
        break;
      // A repository may lower the review's limits, never raise them: the server is shared.
      case 'maxFileSize':
        config.maxFileSize = count(value, key, 1, DEFAULT_LIMITS.maxBytes);
        break;
      case 'parseTimeout':
        config.parseTimeout = count(value, key, 1, DEFAULT_LIMITS.maxParseMillis);
        break;
      default:
        throw new Invalid(`unknown setting "${key}" (known: target, paths, ignore, core, severity, maxComments, checkRun, drafts, maxFileSize, parseTimeout)`, keyNode);
    }
  }
  return config;
}

function scalar(node: Node | null): unknown {
  return isScalar(node) ? node.value : undefined;
}

function oneOf<T extends string>(node: Node | null, allowed: readonly T[], key: string): T {
  const v = scalar(node);
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  throw new Invalid(`${key} must be one of ${allowed.join(', ')}`, node);
}

function globs(node: Node | null, key: string): string[] {
  if (isScalar(node) && typeof node.value === 'string') return [node.value];
  if (!isSeq(node)) throw new Invalid(`${key} must be a list of path globs`, node);
  return node.items.map((item) => {
    const v = scalar(item as Node);
    if (typeof v !== 'string' || v === '') throw new Invalid(`${key} must be a list of path globs`, item as Node);
    return v;
  });
}

function severities(node: Node | null): Record<string, SeverityOverride> {
  if (!isMap(node)) throw new Invalid('severity must map rule ids to error, warning, info or off', node);
  const out: Record<string, SeverityOverride> = {};
  for (const pair of node.items) {
    const id = String(scalar(pair.key as Node));
    if (!RULE_IDS.has(id)) throw new Invalid(`severity: unknown rule "${id}" (rules: ${[...RULE_IDS].join(', ')})`, pair.key as Node);
    out[id] = oneOf(pair.value as Node | null, SEVERITIES, `severity.${id}`);
  }
  return out;
}

function count(node: Node | null, key: string, min: number, max: number): number {
  const v = scalar(node);
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
  throw new Invalid(`${key} must be a whole number from ${min} to ${max}`, node);
}

function bool(node: Node | null, key: string): boolean {
  const v = scalar(node);
  if (typeof v === 'boolean') return v;
  throw new Invalid(`${key} must be true or false`, node);
}
