'use strict';
// Lets a script require() the TypeScript sources (nodes/**, scripts/*.ts) without a build:
// each .ts file is transpiled on the fly (types are dropped, nothing is checked).
const fs = require('fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		fileName: filename,
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2020,
			esModuleInterop: true,
		},
	});
	module._compile(outputText, filename);
};
