// Prints jest's totals as one plain line ("N passed, N failed") for CI, and fails when any test failed
// or when no test ran at all.
const fs = require('fs');

const file = process.argv[2] || '.jest-results.json';
const results = JSON.parse(fs.readFileSync(file, 'utf8'));
const passed = results.numPassedTests;
const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
const skipped = results.numPendingTests + results.numTodoTests;
console.log(`jest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
