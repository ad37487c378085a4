import type { AuditResult } from '../audit/audit-result.js';
import { sourceOf } from '../review/result.js';
import type { RuleMeta } from '../rules/rule.js';
import { LineIndex } from '../text/line-index.js';
import type { Finding, Severity } from '../types.js';
import { fingerprintsOf } from './fingerprint.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Where to learn about the tool (SARIF2005 asks every driver for one): the App's page, as app.yml names it. */
export const INFORMATION_URI = 'https://github.com/apps/memcg-review';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'recommendation' };

/**
 * The audit as SARIF 2.1.0 for GitHub code scanning: one run whose driver lists the rules
 * (id, descriptions, help from the rule's docs, default level), one result per finding with its
 * location relative to the tree (%SRCROOT%), a primaryLocationLineHash that survives moved lines
 * (the finding's one fingerprint, the same as the App's markers), and the
 * fix (with the model's verdict) as a SARIF fix. Notes and errors become notifications.
 */
export function formatSarif(result: AuditResult, version: string, rules: readonly RuleMeta[]): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const indexes = new Map<string, LineIndex>();
  const indexOf = (f: Finding) => {
    let index = indexes.get(f.file);
    if (!index) indexes.set(f.file, (index = new LineIndex(sourceOf(result, f) ?? '')));
    return index;
  };
  const fingerprints = fingerprintsOf({ findings: [...result.findings, ...(result.baseline?.upstream ?? [])], sources: result.sources });
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'memcg-review',
            informationUri: INFORMATION_URI,
            semanticVersion: version,
            version,
            rules: rules.map(descriptor),
          },
        },
        automationDetails: { id: `memcg-review/audit/${result.target}/` },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: `The audited tree (${result.tree}).` } } },
        invocations: [
          {
            executionSuccessful: result.errors.length === 0,
            toolExecutionNotifications: [
              ...result.errors.map((e) => ({ level: 'error', message: { text: e } })),
              ...result.notes.map((n) => ({
                level: 'note',
                message: { text: n.message },
                ...(n.file ? { locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(n.file), uriBaseId: '%SRCROOT%' } } }] } : {}),
              })),
            ],
          },
        ],
        results: [...result.findings, ...(result.baseline?.upstream ?? [])].map((f, i) => {
          const r = sarifResult(f, ruleIndex.get(f.ruleId), indexOf(f), fingerprints[i]!);
          if (!result.baseline) return r;
          // --baseline: upstream code is "unchanged" and suppressed (code scanning lists it apart, closed).
          return i < result.findings.length
            ? { ...r, baselineState: 'new' }
            : { ...r, baselineState: 'unchanged', suppressions: [{ kind: 'external', justification: `identical in the upstream baseline ${result.baseline.tree}` }] };
        }),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function descriptor(r: RuleMeta) {
  return {
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: clip(r.description) },
    fullDescription: { text: clip(r.docs) },
    help: { text: r.docs, markdown: `**${r.id}**: ${r.description}\n\n${r.docs}${r.fixable ? '\n\nmemcg-review proposes a fix checked against its model of the memcg word.' : ''}` },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { tags: ['memcg', 'correctness', 'linux-kernel'], precision: 'high', 'problem.severity': PROBLEM_SEVERITY[r.severity] },
  };
}

function sarifResult(f: Finding, ruleIndex: number | undefined, index: LineIndex, fingerprint: string) {
  const artifactLocation = { uri: encodePath(f.file), uriBaseId: '%SRCROOT%' };
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.fix ? `${f.message}. Fix (${f.fix.verdict}): ${f.fix.explanation}` : f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn, snippet: { text: index.lineText(f.line) } },
        },
      },
    ],
    partialFingerprints: { primaryLocationLineHash: fingerprint },
    ...(f.fix && f.fix.edits.length > 0
      ? {
          fixes: [
            {
              description: { text: `${f.fix.verdict[0]!.toUpperCase()}${f.fix.verdict.slice(1)} fix: ${f.fix.explanation}` },
              artifactChanges: [
                {
                  artifactLocation,
                  replacements: f.fix.edits.map((e) => {
                    const start = index.position(e.start);
                    const end = index.position(e.end);
                    return {
                      deletedRegion: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
                      insertedContent: { text: e.text },
                    };
                  }),
                },
              ],
            },
          ],
        }
      : {}),
    properties: { confidence: f.confidence, ...(f.fix ? { verdict: f.fix.verdict } : {}) },
  };
}

/** GitHub code scanning shows at most 1024 characters of a rule's descriptions: cut at a sentence. */
function clip(text: string, max = 1024): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const sentence = cut.lastIndexOf('. ');
  return sentence > max / 2 ? cut.slice(0, sentence + 1) : `${cut.trimEnd()}…`;
}

/** A tree-relative path as a relative URI reference: each segment percent-encoded. */
function encodePath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
