#!/usr/bin/env node
'use strict';
// `npm run sandbox [-- --port 8787] [--time-scale 1]`: runs the provider sandbox for people and e2e tests.
// Prints, for every provider module of providers/index.js, what its describe(sb) returns (base URLs,
// test credentials, controls): adding a provider needs no change here.
const { startSandbox } = require('./index');
const providerModules = require('./providers');

function arg(name, def) {
	const i = process.argv.indexOf(name);
	return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : def;
}

(async () => {
	const sb = await startSandbox({
		port: Number(arg('--port', process.env.SANDBOX_PORT || 8787)),
		timeScale: Number(arg('--time-scale', 1)),
		quiet: true,
	});
	const blocks = providerModules.map((mod) =>
		typeof mod.describe === 'function'
			? mod.describe(sb)
			: `${mod.name}\n  Base URL        ${sb.url}/${mod.name}${mod.apiPrefix || ''}`,
	);
	console.log(`Provider sandbox listening on ${sb.url} (127.0.0.1 only): ${providerModules.map((m) => m.name).join(', ')}

${blocks.join('\n\n')}

Controls (all providers)
  POST   ${sb.url}/_control/reset
  POST   ${sb.url}/_control/faults            {"provider":"amiqus","status":429,"retryAfter":1,"times":3}
  GET    ${sb.url}/_control/requests?provider=<name>   DELETE /_control/requests
  POST   ${sb.url}/_control/clock/advance     {"seconds":3600}
  GET    ${sb.url}/_control/problems

Ctrl-C to stop.`);
	const stop = async () => {
		await sb.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})().catch((e) => {
	console.error(e.message);
	process.exit(1);
});
