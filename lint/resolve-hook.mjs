// Module resolve hook, registered by lint.mjs via `module.register()`.
//
// @camunda/form-linting ships untranspiled ESM that imports its own files
// without extensions (`export { FormLinter } from './lib/FormLinter'`), which
// only bundlers understand. Node's ESM resolver rejects those specifiers, so
// when a *relative* specifier fails to resolve we retry it with `.js` and
// `/index.js` appended. Everything else is passed through untouched.

const RETRY_CODES = new Set([ 'ERR_MODULE_NOT_FOUND', 'ERR_UNSUPPORTED_DIR_IMPORT' ]);

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');

    if (!relative || !RETRY_CODES.has(error?.code) || /\.[cm]?js$/.test(specifier)) {
      throw error;
    }

    for (const suffix of [ '.js', '/index.js' ]) {
      try {
        return await nextResolve(specifier + suffix, context);
      } catch {
        // try the next suffix
      }
    }

    throw error;
  }
}
