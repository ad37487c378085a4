/**
 * The structure the SARIF 2.1.0 schema (sarif-schema-2.1.0.json) requires of the objects the
 * audit writes, checked by hand: required properties, the properties each object may have (the
 * schema sets additionalProperties false on them), enums, integer ranges, and the references
 * between results and rules. Returns every problem found, as `path: problem`.
 */
type Json = unknown;
type Checker = (value: Json, at: string, problems: string[]) => void;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function object(allowed: string[], required: string[], fields: Record<string, Checker> = {}): Checker {
  return (v, at, problems) => {
    if (!isObject(v)) return void problems.push(`${at}: not an object`);
    for (const key of required) if (!(key in v)) problems.push(`${at}: missing required '${key}'`);
    for (const key of Object.keys(v)) {
      if (!allowed.includes(key)) problems.push(`${at}: property '${key}' is not allowed`);
      else fields[key]?.(v[key], `${at}.${key}`, problems);
    }
  };
}

function array(item: Checker, minItems = 0, unique = false): Checker {
  return (v, at, problems) => {
    if (!Array.isArray(v)) return void problems.push(`${at}: not an array`);
    if (v.length < minItems) problems.push(`${at}: fewer than ${minItems} items`);
    if (unique && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) problems.push(`${at}: items not unique`);
    v.forEach((x, i) => item(x, `${at}[${i}]`, problems));
  };
}

const string: Checker = (v, at, p) => void (typeof v !== 'string' && p.push(`${at}: not a string`));
const boolean: Checker = (v, at, p) => void (typeof v !== 'boolean' && p.push(`${at}: not a boolean`));
const integer = (min: number): Checker => (v, at, p) => void ((!Number.isInteger(v) || (v as number) < min) && p.push(`${at}: not an integer >= ${min}`));
const oneOf = (values: string[]): Checker => (v, at, p) => void (!values.includes(v as string) && p.push(`${at}: '${String(v)}' not one of ${values.join(', ')}`));
const uriReference: Checker = (v, at, p) => {
  string(v, at, p);
  if (typeof v === 'string' && /[\s%](?![0-9A-Fa-f]{2})|[\s<>"{}|\\^`]/.test(v)) p.push(`${at}: '${v}' is not a URI reference`);
};
const stringMap: Checker = (v, at, p) => {
  if (!isObject(v)) return void p.push(`${at}: not an object`);
  for (const [k, x] of Object.entries(v)) string(x, `${at}.${k}`, p);
};
const propertyBag: Checker = (v, at, p) => {
  if (!isObject(v)) return void p.push(`${at}: not an object`);
  if ('tags' in v) array(string, 0, true)(v['tags'], `${at}.tags`, p);
};

const message = object(['text', 'markdown', 'id', 'arguments', 'properties'], [], { text: string, markdown: string, id: string });
const multiformat = object(['text', 'markdown', 'properties'], ['text'], { text: string, markdown: string });
const artifactLocation = object(['uri', 'uriBaseId', 'index', 'description', 'properties'], [], { uri: uriReference, uriBaseId: string, index: integer(-1), description: message });
const artifactContent = object(['text', 'binary', 'rendered', 'properties'], [], { text: string });
const region = object(
  ['startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength', 'byteOffset', 'byteLength', 'snippet', 'message', 'sourceLanguage', 'properties'],
  [],
  { startLine: integer(1), startColumn: integer(1), endLine: integer(1), endColumn: integer(1), snippet: artifactContent, message },
);
const physicalLocation = object(['address', 'artifactLocation', 'region', 'contextRegion', 'properties'], [], { artifactLocation, region, contextRegion: region });
const location = object(['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties'], [], { physicalLocation, message });
const replacement = object(['deletedRegion', 'insertedContent', 'properties'], ['deletedRegion'], { deletedRegion: region, insertedContent: artifactContent });
const artifactChange = object(['artifactLocation', 'replacements', 'properties'], ['artifactLocation', 'replacements'], { artifactLocation, replacements: array(replacement, 1) });
const fix = object(['description', 'artifactChanges', 'properties'], ['artifactChanges'], { description: message, artifactChanges: array(artifactChange, 1, true) });
const level = oneOf(['none', 'note', 'warning', 'error']);
const result = object(
  ['guid', 'correlationGuid', 'ruleId', 'ruleIndex', 'rule', 'kind', 'level', 'message', 'analysisTarget', 'locations', 'webRequest', 'webResponse', 'fingerprints', 'partialFingerprints', 'codeFlows', 'graphs', 'graphTraversals', 'stacks', 'relatedLocations', 'suppressions', 'baselineState', 'rank', 'attachments', 'hostedViewerUri', 'workItemUris', 'provenance', 'fixes', 'taxa', 'properties'],
  ['message'],
  { ruleId: string, ruleIndex: integer(-1), level, kind: oneOf(['notApplicable', 'pass', 'fail', 'review', 'open', 'informational']), message, locations: array(location), partialFingerprints: stringMap, fingerprints: stringMap, fixes: array(fix, 0, true), properties: propertyBag },
);
const reportingConfiguration = object(['enabled', 'level', 'rank', 'parameters', 'properties'], [], { enabled: boolean, level });
const reportingDescriptor = object(
  ['id', 'deprecatedIds', 'guid', 'deprecatedGuids', 'name', 'deprecatedNames', 'shortDescription', 'fullDescription', 'messageStrings', 'defaultConfiguration', 'helpUri', 'help', 'relationships', 'properties'],
  ['id'],
  { id: string, name: string, shortDescription: multiformat, fullDescription: multiformat, defaultConfiguration: reportingConfiguration, helpUri: uriReference, help: multiformat, properties: propertyBag },
);
const toolComponent = object(
  ['guid', 'name', 'organization', 'product', 'productSuite', 'shortDescription', 'fullDescription', 'fullName', 'version', 'semanticVersion', 'dottedQuadFileVersion', 'releaseDateUtc', 'downloadUri', 'informationUri', 'globalMessageStrings', 'notifications', 'rules', 'taxa', 'locations', 'language', 'contents', 'isComprehensive', 'localizedDataSemanticVersion', 'minimumRequiredLocalizedDataSemanticVersion', 'associatedComponent', 'translationMetadata', 'supportedTaxonomies', 'properties'],
  ['name'],
  { name: string, version: string, semanticVersion: string, informationUri: uriReference, rules: array(reportingDescriptor, 0, true) },
);
const notification = object(['locations', 'message', 'level', 'threadId', 'timeUtc', 'exception', 'descriptor', 'associatedRule', 'properties'], ['message'], { locations: array(location), message, level });
const invocation = object(
  ['commandLine', 'arguments', 'responseFiles', 'startTimeUtc', 'endTimeUtc', 'exitCode', 'ruleConfigurationOverrides', 'notificationConfigurationOverrides', 'toolExecutionNotifications', 'toolConfigurationNotifications', 'exitCodeDescription', 'exitSignalName', 'exitSignalNumber', 'processStartFailureMessage', 'executionSuccessful', 'machine', 'account', 'processId', 'executableLocation', 'workingDirectory', 'environmentVariables', 'stdin', 'stdout', 'stderr', 'stdoutStderr', 'properties'],
  ['executionSuccessful'],
  { executionSuccessful: boolean, toolExecutionNotifications: array(notification) },
);
const run = object(
  ['tool', 'invocations', 'conversion', 'language', 'versionControlProvenance', 'originalUriBaseIds', 'artifacts', 'logicalLocations', 'graphs', 'results', 'automationDetails', 'runAggregates', 'baselineGuid', 'redactionTokens', 'defaultEncoding', 'defaultSourceLanguage', 'newlineSequences', 'columnKind', 'externalPropertyFileReferences', 'threadFlowLocations', 'taxonomies', 'addresses', 'translations', 'policies', 'webRequests', 'webResponses', 'specialLocations', 'properties'],
  ['tool'],
  {
    tool: object(['driver', 'extensions', 'properties'], ['driver'], { driver: toolComponent }),
    invocations: array(invocation),
    originalUriBaseIds: (v, at, p) => {
      if (!isObject(v)) return void p.push(`${at}: not an object`);
      for (const [k, x] of Object.entries(v)) artifactLocation(x, `${at}.${k}`, p);
    },
    results: array(result),
    automationDetails: object(['description', 'id', 'guid', 'correlationGuid', 'properties'], [], { id: string, description: message }),
    columnKind: oneOf(['utf16CodeUnits', 'unicodeCodePoints']),
  },
);
const sarifLog = object(['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'], ['version', 'runs'], {
  $schema: uriReference,
  version: oneOf(['2.1.0']),
  runs: array(run),
});

export function sarifProblems(log: Json): string[] {
  const problems: string[] = [];
  sarifLog(log, '$', problems);
  if (problems.length > 0 || !isObject(log)) return problems;
  // References the schema states in prose: ruleIndex points at the rule named by ruleId,
  // regions end after they start, a uriBaseId is declared in originalUriBaseIds.
  for (const [r, runValue] of (log['runs'] as Record<string, Json>[]).entries()) {
    const rules = ((runValue['tool'] as Record<string, Record<string, Json>>)['driver']!['rules'] ?? []) as { id: string }[];
    const bases = Object.keys((runValue['originalUriBaseIds'] ?? {}) as object);
    for (const [i, res] of ((runValue['results'] ?? []) as Record<string, Json>[]).entries()) {
      const at = `$.runs[${r}].results[${i}]`;
      if (typeof res['ruleIndex'] === 'number' && rules[res['ruleIndex']]?.id !== res['ruleId']) problems.push(`${at}: ruleIndex does not name ruleId`);
      const regions: Record<string, number>[] = [];
      const bases2: string[] = [];
      for (const loc of (res['locations'] ?? []) as Record<string, Record<string, Json>>[]) {
        regions.push(loc['physicalLocation']!['region'] as Record<string, number>);
        bases2.push((loc['physicalLocation']!['artifactLocation'] as Record<string, string>)['uriBaseId']!);
      }
      for (const f of (res['fixes'] ?? []) as { artifactChanges: { artifactLocation: { uriBaseId?: string }; replacements: { deletedRegion: Record<string, number> }[] }[] }[]) {
        for (const c of f.artifactChanges) {
          bases2.push(c.artifactLocation.uriBaseId!);
          for (const rep of c.replacements) regions.push(rep.deletedRegion);
        }
      }
      for (const g of regions) {
        if (!g) continue;
        const endLine = g['endLine'] ?? g['startLine']!;
        if (endLine < g['startLine']! || (endLine === g['startLine'] && g['endColumn'] !== undefined && g['endColumn'] < (g['startColumn'] ?? 1))) problems.push(`${at}: a region ends before it starts`);
      }
      for (const b of bases2) if (b !== undefined && !bases.includes(b)) problems.push(`${at}: uriBaseId ${b} is not in originalUriBaseIds`);
    }
  }
  return problems;
}
