// Copies what tsc does not emit into dist/, as `n8n-node build` does:
// node and credential icons and the codex .node.json files.
const { src, dest, parallel } = require('gulp');

function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

function copyCodex() {
	return src(['nodes/**/*.node.json', 'nodes/**/__schema__/**/*.json'], { base: '.' }).pipe(
		dest('dist'),
	);
}

exports.build = parallel(copyIcons, copyCodex);
exports.default = exports.build;
