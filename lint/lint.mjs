#!/usr/bin/env node
// Quality gates for the models under processes/ and forms/ (Camunda 7.24).
//
//   node lint/lint.mjs              self-test, then lint the project (what `mvn verify` runs)
//   node lint/lint.mjs --self-test  only prove that every gate fails on its broken fixture
//   node lint/lint.mjs --root DIR   lint DIR/processes and DIR/forms instead of the project's
//
// Gates:
//   bpmnlint          processes/**/*.bpmn, config in lint/.bpmnlintrc
//                     (bpmnlint:recommended + camunda-compat/camunda-platform-7-24), and the
//                     county's conventions: county/process-id, county/id-prefix, county/retry-cycle
//   element-templates processes/.camunda/element-templates/**/*.json, Camunda 7 template schema
//   forms             forms/**/*.form, @camunda/form-linting plus Tasklist 7.24 constraints
//
// Severities: "error" fails the build, "warn" and "info" are printed only.
// Exit codes: 0 ok, 1 lint errors, 2 self-test failed or a gate crashed.

import { createRequire, register } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// @camunda/form-linting uses extensionless relative imports; see resolve-hook.mjs.
register('./resolve-hook.mjs', import.meta.url);

const LINT_DIR = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES_DIR = path.join(LINT_DIR, 'fixtures');
const lintRequire = createRequire(path.join(LINT_DIR, 'package.json'));

/** Tasklist 7.24 bundles form-js 1.8.7, which reads form schemaVersion <= 16. */
const FORM_PLATFORM = 'Camunda Platform';
const FORM_PLATFORM_VERSION = '7.24.0';
const FORM_MAX_SCHEMA_VERSION = 16;
const FORM_JS_VERSION = '1.8.7';

/**
 * @typedef { 'error' | 'warn' | 'info' } Severity
 * @typedef { { file: string, id?: string, rule: string, severity: Severity, message: string } } Problem
 * @typedef { { name: string, noun: string, count: number, problems: Problem[], note?: string } } GateResult
 */

// ---------------------------------------------------------------------------
// helpers

function parseArgs(argv) {
  const args = { selfTestOnly: false, root: path.resolve(LINT_DIR, '..') };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];

    if (arg === '--self-test') {
      args.selfTestOnly = true;
    } else if (arg === '--root') {
      if (!argv[i + 1]) {
        throw new Error('--root needs a directory');
      }
      args.root = path.resolve(argv[++i]);
    } else if (arg === '--help' || arg === '-h') {
      console.log('usage: node lint/lint.mjs [--self-test] [--root DIR]');
      process.exit(0);
    } else {
      throw new Error(`unknown argument <${arg}> (try --help)`);
    }
  }

  return args;
}

/** Files below dir whose name ends with ext; skips node_modules and dot-directories unless told otherwise. */
function findFiles(dir, ext, { includeDotDirs = false } = {}) {
  const found = [];

  if (!fs.existsSync(dir)) {
    return found;
  }

  (function walk(current) {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);

      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || (!includeDotDirs && entry.name.startsWith('.'))) {
          continue;
        }
        walk(full);
      } else if (entry.isFile() && entry.name.endsWith(ext)) {
        found.push(full);
      }
    }
  })(dir);

  return found.sort();
}

function displayPath(file, base) {
  const rel = path.relative(base, file);

  return (rel.startsWith('..') ? file : rel).split(path.sep).join('/');
}

function normalizeSeverity(category) {
  if (category === 'error' || category === 'rule-error' || category === 2) {
    return 'error';
  }

  if (category === 'warn' || category === 'warning' || category === 1) {
    return 'warn';
  }

  return 'info';
}

function countBySeverity(problems) {
  const counts = { error: 0, warn: 0, info: 0 };

  for (const problem of problems) {
    counts[problem.severity]++;
  }

  return counts;
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function formatProblem(problem) {
  const tag = `[${problem.severity}]`.padEnd(7);
  const where = problem.id ? `${problem.file}: ${problem.id}` : problem.file;

  return `${tag} ${where}: ${problem.rule}: ${problem.message}`;
}

function summarize(result) {
  const counts = countBySeverity(result.problems);
  const total = result.problems.length;
  let line = `${result.name}: ${plural(result.count, result.noun)}, `;

  if (total === 0) {
    line += '0 problems';
  } else {
    line += [
      plural(counts.error, 'error'),
      plural(counts.warn, 'warning'),
      counts.info ? `${counts.info} info` : null
    ].filter(Boolean).join(', ');
  }

  if (result.note) {
    line += ` (${result.note})`;
  }

  return counts.error ? `${line} -- FAILED` : line;
}

/** Reports one problem per id that is declared by more than one file. */
function duplicateIdProblems(idsByFile, rule, what) {
  const filesById = new Map();

  for (const [ file, ids ] of idsByFile) {
    for (const id of new Set(ids)) {
      filesById.set(id, [ ...(filesById.get(id) || []), file ]);
    }
  }

  const problems = [];

  for (const [ id, files ] of filesById) {
    if (files.length > 1) {
      for (const file of files) {
        problems.push({
          file, id, rule, severity: 'error',
          message: `${what} <${id}> is also declared in ${files.filter(f => f !== file).join(', ')}`
        });
      }
    }
  }

  return problems;
}

// ---------------------------------------------------------------------------
// gate a: bpmnlint

let bpmnTooling;

async function loadBpmnTooling() {
  if (bpmnTooling) {
    return bpmnTooling;
  }

  const rc = JSON.parse(fs.readFileSync(path.join(LINT_DIR, '.bpmnlintrc'), 'utf8'));

  const { Linter } = lintRequire('bpmnlint');
  const NodeResolver = lintRequire('bpmnlint/lib/resolver/node-resolver');
  const { BpmnModdle } = await import('bpmn-moddle');

  const extensions = {};
  for (const [ prefix, module ] of Object.entries(rc.moddleExtensions || {})) {
    extensions[prefix] = lintRequire(module);
  }

  const config = { extends: rc.extends, rules: rc.rules || {} };

  // A fresh Linter per diagram: rule instances are cached per Linter and some keep state
  // (no-duplicate-sequence-flows would see the flows of earlier diagrams). Rules and configs
  // (bpmnlint-plugin-*) are resolved from lint/node_modules, whatever the cwd.
  const createLinter = () => new Linter({ config, resolver: new NodeResolver({ require: lintRequire }) });

  bpmnTooling = { createLinter, moddle: new BpmnModdle(extensions) };

  return bpmnTooling;
}

/** @return { Promise<GateResult> } */
async function gateBpmnlint(files, base) {
  const { createLinter, moddle } = await loadBpmnTooling();
  const problems = [];
  const processIdsByFile = new Map();

  for (const absolute of files) {
    const file = displayPath(absolute, base);
    const xml = fs.readFileSync(absolute, 'utf8');

    let rootElement;
    let warnings = [];

    try {
      ({ rootElement, warnings = [] } = await moddle.fromXML(xml, 'bpmn:Definitions'));
    } catch (error) {
      problems.push({ file, rule: 'bpmn-parse', severity: 'error', message: String(error.message).split('\n')[0] });
      continue;
    }

    for (const warning of warnings) {
      problems.push({
        file,
        id: warning.element?.id,
        rule: 'bpmn-import',
        severity: 'error',
        message: String(warning.message).split('\n')[0]
      });
    }

    processIdsByFile.set(file, (rootElement.rootElements || [])
      .filter(element => element.$type === 'bpmn:Process' && element.id)
      .map(element => element.id));

    problems.push(...countyConventions(rootElement, file, absolute));

    const results = await createLinter().lint(rootElement);

    for (const [ rule, reports ] of Object.entries(results)) {
      for (const report of reports) {
        const at = report.path && report.path.length ? `#${report.path.join('.')}` : '';

        problems.push({
          file,
          id: report.id ? `${report.id}${at}` : undefined,
          rule: rule || 'bpmnlint',
          severity: normalizeSeverity(report.category),
          message: report.message
        });
      }
    }
  }

  // Camunda 7 rejects a deployment with two process definitions of the same key.
  problems.push(...duplicateIdProblems(processIdsByFile, 'duplicate-process-id', 'process id'));

  return { name: 'bpmnlint', noun: 'diagram', count: files.length, problems };
}

// The county's own conventions, checked with bpmnlint's gate:
//   county/process-id  the process id is the file name (the platform deploys and finds it by that)
//   county/id-prefix   an element's id starts with its kind (Task_, Gateway_, SequenceFlow_, ...), so
//                      ids read the same in every diagram, in the ledger's activity ids and in Cockpit
//   county/retry-cycle every asynchronous job (camunda:asyncBefore/asyncAfter, every timer) has
//                      camunda:failedJobRetryTimeCycle (PT10S,PT1M,PT5M,PT30M,PT2H): a failing job is
//                      retried over hours, not three times at once and then left as an incident; the
//                      first retry comes soon, since two jobs of one case colliding is the usual cause

const ID_PREFIXES = {
  'bpmn:UserTask': 'Task_', 'bpmn:ServiceTask': 'Task_', 'bpmn:BusinessRuleTask': 'Task_',
  'bpmn:SendTask': 'Task_', 'bpmn:ReceiveTask': 'Task_', 'bpmn:ScriptTask': 'Task_',
  'bpmn:ManualTask': 'Task_', 'bpmn:Task': 'Task_', 'bpmn:CallActivity': 'CallActivity_',
  'bpmn:SubProcess': 'SubProcess_', 'bpmn:StartEvent': 'StartEvent_', 'bpmn:EndEvent': 'EndEvent_',
  'bpmn:BoundaryEvent': 'BoundaryEvent_', 'bpmn:IntermediateThrowEvent': 'IntermediateThrowEvent_',
  'bpmn:IntermediateCatchEvent': 'IntermediateCatchEvent_', 'bpmn:ExclusiveGateway': 'Gateway_',
  'bpmn:ParallelGateway': 'Gateway_', 'bpmn:InclusiveGateway': 'Gateway_',
  'bpmn:EventBasedGateway': 'Gateway_', 'bpmn:ComplexGateway': 'Gateway_',
  'bpmn:SequenceFlow': 'SequenceFlow_', 'bpmn:TextAnnotation': 'TextAnnotation_',
  'bpmn:Association': 'Association_'
};

// R5/PT5M (five tries, five minutes apart) or a list of waits, PT10S,PT1M,PT5M (a try after each)
const RETRY_CYCLE = /^(R\d+\/P\S+|P\w+(\s*,\s*P\w+)*)$/;

function countyConventions(definitions, file, absolute) {
  const problems = [];
  const expectedProcessId = path.basename(absolute, '.bpmn');

  const visit = (element) => {
    const prefix = ID_PREFIXES[element.$type];
    if (prefix && !(element.id || '').startsWith(prefix)) {
      problems.push({ file, id: element.id, rule: 'county/id-prefix', severity: 'error',
        message: `the id of a ${element.$type.slice(5)} starts with ${prefix} (e.g. ${prefix}${(element.id || 'Name').replace(/^[A-Za-z]+_/, '')})` });
    }
    for (const definition of element.eventDefinitions || []) {
      const kind = definition.$type.slice(5) + '_';
      if (!(definition.id || '').startsWith(kind)) {
        problems.push({ file, id: definition.id || element.id, rule: 'county/id-prefix', severity: 'error',
          message: `the id of a ${definition.$type.slice(5)} starts with ${kind}` });
      }
    }
    const timer = (element.eventDefinitions || []).some(d => d.$type === 'bpmn:TimerEventDefinition');
    if (element.asyncBefore || element.asyncAfter || timer) {
      const cycle = (element.extensionElements?.values || [])
        .find(value => value.$type === 'camunda:FailedJobRetryTimeCycle');
      if (!cycle || !RETRY_CYCLE.test(String(cycle.body || '').trim())) {
        problems.push({ file, id: element.id, rule: 'county/retry-cycle', severity: 'error',
          message: `${timer ? 'a timer' : 'an asynchronous step'} needs camunda:failedJobRetryTimeCycle, e.g. PT10S,PT1M,PT5M,PT30M,PT2H` +
            (cycle ? ` (has '${cycle.body}')` : '') });
      }
    }
    for (const child of [ ...(element.flowElements || []), ...(element.artifacts || []) ]) {
      visit(child);
    }
  };

  for (const root of definitions.rootElements || []) {
    if (root.$type !== 'bpmn:Process') {
      continue;
    }
    if (root.id !== expectedProcessId) {
      problems.push({ file, id: root.id, rule: 'county/process-id', severity: 'error',
        message: `the process id is the file name: ${expectedProcessId}` });
    }
    visit(root);
  }
  return problems;
}

// ---------------------------------------------------------------------------
// gate b: element templates (Camunda 7 schema, not Zeebe)

/**
 * A template file holds one template or a list of them (schema: oneOf object/array). Drop the
 * root-level complaints of the branch that does not apply, they only repeat the real errors.
 */
function rootShapeErrorsRemoved(object, errors) {
  const isList = Array.isArray(object);
  const isTemplate = object !== null && typeof object === 'object' && !isList;

  if (!isList && !isTemplate) {
    return [ { instancePath: '', message: 'a template file must hold a template object or a list of templates' } ];
  }

  const noise = isList ? [ '#/type', '#/oneOf' ] : [ '#/oneOf/1/type', '#/oneOf' ];
  const kept = errors.filter(error => !(error.instancePath === '' && noise.includes(error.schemaPath)));

  return kept.length ? kept : [ { instancePath: '', message: 'template is not valid' } ];
}

/** @return { Promise<GateResult> } */
async function gateElementTemplates(files, base) {
  const { validate } = await import('@bpmn-io/element-templates-validator');
  const problems = [];
  const templateIdsByFile = new Map();
  let templateCount = 0;

  for (const absolute of files) {
    const file = displayPath(absolute, base);
    const text = fs.readFileSync(absolute, 'utf8');

    // validate() takes a string so that errors carry line numbers; it accepts a template or a list
    const result = validate(text);
    const templates = [].concat(result.object).filter(template => template && typeof template === 'object');

    templateCount += templates.length;

    const templateAt = (instancePath = '') => {
      const match = /^\/(\d+)(?=\/|$)/.exec(instancePath);
      const template = Array.isArray(result.object) ? result.object[match ? Number(match[1]) : -1] : result.object;

      return template && typeof template.id === 'string' ? template.id : undefined;
    };

    const describe = (entry) => {
      const line = entry.dataPointer?.value ? `line ${entry.dataPointer.value.line + 1}, ` : '';
      const where = entry.instancePath ? `${line}${entry.instancePath}` : line.replace(/, $/, '');

      return where ? `${entry.message} (at ${where})` : entry.message;
    };

    const parseErrors = (result.errors || []).filter(error => error instanceof Error);

    if (parseErrors.length) {
      for (const error of parseErrors) {
        problems.push({ file, rule: 'json', severity: 'error', message: `not valid JSON: ${error.message}` });
      }
      continue;
    }

    for (const error of result.valid ? [] : rootShapeErrorsRemoved(result.object, result.errors || [])) {
      problems.push({
        file,
        id: templateAt(error.instancePath),
        rule: 'element-templates-schema',
        severity: 'error',
        message: describe(error)
      });
    }

    for (const warning of result.warnings || []) {
      problems.push({
        file,
        id: templateAt(warning.instancePath),
        rule: 'element-templates-schema',
        severity: 'warn',
        message: describe(warning)
      });
    }

    // The Modeler identifies a template by id and version; two definitions shadow each other.
    templateIdsByFile.set(file, templates
      .filter(template => template && typeof template.id === 'string')
      .map(template => template.version === undefined ? template.id : `${template.id}@${template.version}`));
  }

  problems.push(...duplicateIdProblems(templateIdsByFile, 'duplicate-template-id', 'element template'));

  return { name: 'element-templates', noun: 'template', count: templateCount, problems };
}

// ---------------------------------------------------------------------------
// gate c: forms

let formTooling;

async function loadFormTooling() {
  if (formTooling) {
    return formTooling;
  }

  const { FormLinter } = await import('@camunda/form-linting');

  // form-linting 0.25.0 only knows Camunda Platform up to 7.22 and silently lints *nothing* for
  // unknown versions. Use the newest known 7.x rule set that targets the same form-js as Tasklist 7.24.
  const { getFormJSVersion } = await import('@camunda/form-linting/lib/config/formVersion.js');
  const formJsFor = version => getFormJSVersion({ executionPlatform: FORM_PLATFORM, executionPlatformVersion: version });

  let lintAsVersion = FORM_PLATFORM_VERSION;
  let note;

  if (!formJsFor(lintAsVersion)) {
    lintAsVersion = [ '7.23.0', '7.22.0' ].find(version => formJsFor(version) === FORM_JS_VERSION);

    if (!lintAsVersion) {
      throw new Error(`@camunda/form-linting knows no Camunda Platform rule set for form-js ${FORM_JS_VERSION}; update lint/lint.mjs`);
    }

    note = `form-linting rules of Camunda Platform ${lintAsVersion.replace(/\.0$/, '')} = form-js ${FORM_JS_VERSION}`;
  }

  // The linter's reports do not say which rule made them: tag them while each rule runs
  // (best effort, falls back to "form-linting" if the library's internals change).
  let currentRule = null;

  try {
    const { default: StaticRuleResolver } = await import('@camunda/form-linting/lib/StaticRuleResolver.js');
    const { default: ProblemsReporter } = await import('@camunda/form-linting/lib/ProblemsReporter.js');

    if (!StaticRuleResolver.prototype.__countyTagged) {
      const resolve = StaticRuleResolver.prototype.resolve;
      const report = ProblemsReporter.prototype.report;

      StaticRuleResolver.prototype.resolve = function(ruleConfig) {
        const names = Object.keys(ruleConfig);

        return resolve.call(this, ruleConfig).map((rule, index) => ({
          ...rule,
          execute: rule.execute && ((node, context) => {
            currentRule = names[index];
            try {
              return rule.execute(node, context);
            } finally {
              currentRule = null;
            }
          })
        }));
      };

      ProblemsReporter.prototype.report = function(entry) {
        return report.call(this, currentRule ? { ...entry, rule: currentRule } : entry);
      };

      StaticRuleResolver.prototype.__countyTagged = true;
    }
  } catch {
    // untagged reports are still reported
  }

  formTooling = { linter: new FormLinter(), lintAsVersion, note };

  return formTooling;
}

function walkComponents(node, visit) {
  for (const component of Array.isArray(node?.components) ? node.components : []) {
    if (component && typeof component === 'object') {
      visit(component);
      walkComponents(component, visit);
    }
  }
}

/** @return { Promise<GateResult> } */
async function gateForms(files, base) {
  const { linter, lintAsVersion, note } = await loadFormTooling();
  const problems = [];
  const formIdsByFile = new Map();

  for (const absolute of files) {
    const file = displayPath(absolute, base);
    const add = (rule, message, id, severity = 'error') => problems.push({ file, id, rule, severity, message });

    let schema;

    try {
      schema = JSON.parse(fs.readFileSync(absolute, 'utf8'));
    } catch (error) {
      add('json', `not valid JSON: ${error.message}`);
      continue;
    }

    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
      add('json', 'a form must be a JSON object');
      continue;
    }

    const formId = typeof schema.id === 'string' && schema.id.trim() ? schema.id : undefined;

    if (formId) {
      formIdsByFile.set(file, [ formId ]);
    } else {
      add('form-id', 'form has no "id" (camunda:formRef refers to forms by id)');
    }

    if (schema.executionPlatform !== FORM_PLATFORM) {
      add('execution-platform',
        `executionPlatform must be "${FORM_PLATFORM}", found ${JSON.stringify(schema.executionPlatform)}`, formId);
    }

    if (schema.executionPlatformVersion !== FORM_PLATFORM_VERSION) {
      add('execution-platform-version',
        `executionPlatformVersion must be "${FORM_PLATFORM_VERSION}", found ${JSON.stringify(schema.executionPlatformVersion)}`, formId);
    }

    if (schema.schemaVersion !== undefined &&
        (!Number.isInteger(schema.schemaVersion) || schema.schemaVersion > FORM_MAX_SCHEMA_VERSION)) {
      add('schema-version',
        `schemaVersion ${JSON.stringify(schema.schemaVersion)} is not supported: Tasklist 7.24 bundles form-js ${FORM_JS_VERSION} (schemaVersion <= ${FORM_MAX_SCHEMA_VERSION}); save the form for Camunda Platform 7.24 in the Modeler`,
        formId);
    }

    walkComponents(schema, component => {
      if (component.type === 'filepicker') {
        add('no-filepicker', 'the filepicker component does not work in Camunda 7 Tasklist', component.id || component.key);
      }
      if (component.type === 'dynamiclist') {
        add('no-dynamiclist', 'Tasklist 7.24 cannot complete a form with a dynamic list (use one field per item, '
          + 'e.g. the custom property repeat: handling-units)', component.id || component.path);
      }
    });

    // lint for the platform the project deploys to, whatever the file claims
    let reports;

    try {
      reports = linter.lint({ ...schema, executionPlatform: FORM_PLATFORM, executionPlatformVersion: lintAsVersion });
    } catch (error) {
      add('form-linting', `linter failed: ${error.message}`, formId);
      continue;
    }

    const lintLabel = `${FORM_PLATFORM} ${lintAsVersion.split('.').slice(0, 2).join('.')}`;
    const realLabel = `${FORM_PLATFORM} ${FORM_PLATFORM_VERSION.split('.').slice(0, 2).join('.')}`;

    for (const report of reports) {
      add(report.rule || 'form-linting',
        String(report.message).split(lintLabel).join(realLabel),
        report.id || formId,
        normalizeSeverity(report.category));
    }
  }

  problems.push(...duplicateIdProblems(formIdsByFile, 'duplicate-form-id', 'form id'));

  return { name: 'forms', noun: 'form', count: files.length, problems, note: files.length ? note : undefined };
}

// ---------------------------------------------------------------------------
// self-test: every gate must report errors (including these rules) for its broken fixture

const SELF_TESTS = [
  {
    name: 'bpmnlint',
    gate: gateBpmnlint,
    fixture: 'broken.bpmn',
    expect: [ 'no-disconnected', 'no-complex-gateway', 'camunda-compat/history-time-to-live', 'bpmn-import',
      'county/process-id', 'county/id-prefix', 'county/retry-cycle' ]
  },
  {
    name: 'element-templates',
    gate: gateElementTemplates,
    fixture: 'broken-element-template.json',
    expect: [ 'element-templates-schema' ]
  },
  {
    name: 'forms',
    gate: gateForms,
    fixture: 'broken.form',
    expect: [ 'form-element-type', 'validate-feel', 'form-id', 'schema-version', 'no-filepicker', 'no-dynamiclist' ]
  }
];

async function selfTest({ verbose }) {
  const failures = [];
  const found = [];

  for (const { name, gate, fixture, expect } of SELF_TESTS) {
    const file = path.join(FIXTURES_DIR, fixture);
    let result;

    if (!fs.existsSync(file)) {
      failures.push(`fixture lint/fixtures/${fixture} is missing`);
      continue;
    }

    try {
      result = await gate([ file ], path.resolve(LINT_DIR, '..'));
    } catch (error) {
      failures.push(`${name} crashed on lint/fixtures/${fixture}: ${error.stack || error}`);
      continue;
    }

    const errors = result.problems.filter(problem => problem.severity === 'error');
    const rules = new Set(result.problems.map(problem => problem.rule));
    const missing = expect.filter(rule => !rules.has(rule));

    if (verbose) {
      console.log(`${result.name} on lint/fixtures/${fixture}:`);
      result.problems.forEach(problem => console.log(`  ${formatProblem(problem)}`));
    }

    if (!errors.length) {
      failures.push(`${result.name} reported no error for its broken fixture lint/fixtures/${fixture}`);
    }

    if (missing.length) {
      failures.push(`${result.name} did not report ${missing.join(', ')} for lint/fixtures/${fixture}`);
    }

    found.push(`${result.name} ${errors.length}`);
  }

  return { ok: failures.length === 0, failures, found };
}

// ---------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();

  const check = await selfTest({ verbose: args.selfTestOnly });

  if (!check.ok) {
    console.log('self-test FAILED: a gate can no longer fail, so its green result would mean nothing:');
    check.failures.forEach(failure => console.log(`  - ${failure}`));
    process.exitCode = 2;
    return;
  }

  console.log(`self-test: ok, every gate rejected its broken fixture (errors: ${check.found.join(', ')})`);

  if (args.selfTestOnly) {
    return;
  }

  const root = args.root;
  const processesDir = path.join(root, 'processes');

  const gates = [
    [ gateBpmnlint, 'bpmnlint', 'processes/**/*.bpmn', findFiles(processesDir, '.bpmn') ],
    [ gateElementTemplates, 'element-templates', 'processes/.camunda/element-templates/*.json',
      findFiles(path.join(processesDir, '.camunda', 'element-templates'), '.json', { includeDotDirs: true }) ],
    [ gateForms, 'forms', 'forms/**/*.form', findFiles(path.join(root, 'forms'), '.form') ]
  ];

  let errorCount = 0;

  for (const [ gate, name, pattern, files ] of gates) {
    let result;

    try {
      result = await gate(files, root);
    } catch (error) {
      console.error(`${name} crashed: ${error.stack || error}`);
      process.exitCode = 2;
      return;
    }

    result.problems.forEach(problem => console.log(formatProblem(problem)));

    if (!files.length) {
      result.note = `no ${pattern} to lint`;
    }

    errorCount += countBySeverity(result.problems).error;

    console.log(summarize(result));
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  if (errorCount) {
    console.log(`lint: FAILED with ${plural(errorCount, 'error')} (${seconds}s)`);
    process.exitCode = 1;
  } else {
    console.log(`lint: ok (${seconds}s)`);
  }
}

main().catch(error => {
  console.error(error.stack || String(error));
  process.exitCode = 2;
});
