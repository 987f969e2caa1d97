#!/usr/bin/env node
'use strict';
// `npm run sandbox [-- --port 8787] [--time-scale 1]`: runs the provider sandbox for people and e2e tests.
const { startSandbox } = require('./index');

function arg(name, def) {
	const i = process.argv.indexOf(name);
	return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : def;
}

(async () => {
	const sb = await startSandbox({ port: Number(arg('--port', process.env.SANDBOX_PORT || 8787)), timeScale: Number(arg('--time-scale', 1)), quiet: true });
	const a = sb.amiqus;
	console.log(`Provider sandbox listening on ${sb.url} (127.0.0.1 only)

Amiqus
  Base URL        ${a.baseUrl}
  OAuth           ${a.oauthUrl}/authorize  ${a.oauthUrl}/token
  Personal token  ${a.config.personalTokens[0]}
  OAuth client    ${a.config.oauthClients[0].clientId} / ${a.config.oauthClients[0].clientSecret}
  Hosted page     ${sb.url}/amiqus/i/<token>  (record.perform_url)

Control
  POST   ${sb.url}/_control/reset
  POST   ${sb.url}/_control/faults            {"provider":"amiqus","status":429,"retryAfter":1,"times":3}
  GET    ${sb.url}/_control/requests?provider=amiqus   DELETE /_control/requests
  POST   ${sb.url}/_control/clock/advance     {"seconds":3600}
  GET    ${sb.url}/_control/problems
  GET|PATCH ${sb.url}/_control/amiqus/config
  POST   ${sb.url}/_control/amiqus/records/:id/complete                {"outcome":"accepted"}
  POST   ${sb.url}/_control/amiqus/records/:id/steps/:stepId/complete
  POST   ${sb.url}/_control/amiqus/records/:id/expire
  POST   ${sb.url}/_control/amiqus/checks/:id/status                   {"status":"accepted"}
  POST   ${sb.url}/_control/amiqus/webhooks/:id/ping
  GET    ${sb.url}/_control/amiqus/deliveries
  POST   ${sb.url}/_control/amiqus/oauth/expire                        {"access_token":"..."} (omit = all)
  POST   ${sb.url}/_control/amiqus/seed/:kind   kind = client | record | recordTemplate | clientFile

Ctrl-C to stop.`);
	const stop = async () => { await sb.close(); process.exit(0); };
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})().catch((e) => { console.error(e.message); process.exit(1); });
