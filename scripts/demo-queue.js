'use strict';
// `npm start -- --queue`: the demo in n8n's queue mode (test/e2e/queue-topology.js: PostgreSQL and
// Redis started here, one main for the editor, two workers, two webhook processes). scripts/demo.js
// drives it through the same calls as a single n8n: this file gives it an `n8n` and a `server` that
// do the same in the topology. The trigger URLs are the first webhook process's (where a load
// balancer would send the providers); the editor is the main's. Starts afresh every time.
const fs = require('fs');
const path = require('path');
const { REPO } = require('../test/e2e/n8n');
const { startTopology } = require('../test/e2e/queue-topology');

function queueDemo({ log, owner }) {
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
	let credentials = [];
	let workflows = [];
	let topo;
	const n8n = {
		folder: path.join(REPO, '.n8n-e2e', 'demo-queue'),
		installed: { files: pkg.n8n },
		async prepare() {
			return this;
		},
		async importCredentials(list) {
			credentials = list;
		},
		async importWorkflows(list) {
			workflows = list;
		},
		/** Starts the topology; the first webhook process listens on `port` (the example URLs point there). */
		async start({ port }) {
			topo = await startTopology({
				name: 'demo-queue',
				log,
				credentials,
				workflows: () => workflows,
				buildFirst: 'ifMissing',
				webhookPorts: [port],
				owner,
			});
			const main = topo.main;
			const server = Object.create(main);
			server.baseUrl = topo.webhooks[0].baseUrl;
			server.editorUrl = main.baseUrl;
			server.api = (...a) => main.api(...a);
			server.rest = (...a) => main.rest(...a);
			server.setupOwner = async () => ({ ...main.owner, apiKey: main.apiKey });
			server.waitForWebhook = async (p, o) => {
				for (const w of topo.webhooks) await w.waitForWebhook(p, o);
			};
			server.memoryMb = () => {
				const all = [main, ...topo.workers, ...topo.webhooks].map((s) => s.memoryMb());
				return {
					mb: all.reduce((n, m) => n + m.mb, 0),
					processes: all.reduce((n, m) => n + m.processes, 0),
				};
			};
			server.describe = () =>
				`queue mode: editor ${main.baseUrl} (main), webhooks ${topo.webhooks.map((w) => w.baseUrl).join(' and ')}, ${topo.workers.length} workers, PostgreSQL 127.0.0.1:${topo.env.postgres.port}, Redis 127.0.0.1:${topo.env.redis.port}; logs in ${path.relative(process.cwd(), topo.folder)}/*/n8n-server.log`;
			return server;
		},
	};
	return n8n;
}

module.exports = { queueDemo };
