'use strict';
// Local provider sandbox (like stripe-mock): one HTTP server, one module per provider under /<provider>/.
const http = require('http');
const express = require('express');
const { createClock } = require('./core/clock');
const { createRequestLog } = require('./core/requestLog');
const { createFaults } = require('./core/faults');
const { createDeliverer } = require('./core/webhooks');
const { createControlRouter } = require('./core/control');
const providerModules = require('./providers');

async function startSandbox(options = {}) {
	const host = '127.0.0.1'; // never exposed beyond loopback
	const { port = 0, timeScale = 1, quiet = false, providers: providerConfig = {} } = options;
	const clock = createClock();
	const requestLog = createRequestLog();
	const faults = createFaults();
	const problems = [];
	const state = { timeScale };
	const deliverer = createDeliverer({ getTimeScale: () => state.timeScale });
	const log = quiet ? () => {} : (...a) => console.log('[sandbox]', ...a);
	const app = express();
	app.disable('x-powered-by');
	app.set('query parser', 'extended');

	const sb = {
		url: null,
		clock,
		faults: { add: (f) => faults.add(f), list: () => faults.list(), clear: () => faults.clear() },
		problems,
		requests: (provider) => requestLog.list(provider),
		clearRequests: () => requestLog.clear(),
		get timeScale() {
			return state.timeScale;
		},
		set timeScale(v) {
			state.timeScale = v;
		},
		providers: {},
	};

	const ctx = {
		clock,
		deliverer,
		log,
		quiet,
		getUrl: () => sb.url,
		getTimeScale: () => state.timeScale,
		// Sandbox bugs (e.g. a response that breaks the provider's OpenAPI) are recorded, never hidden.
		problem(p) {
			problems.push({ time: new Date().toISOString(), ...p });
			if (!quiet) console.error('[sandbox] PROBLEM', p.message);
		},
	};

	app.use('/_control', createControlRouter(sb));
	for (const mod of providerModules) {
		const prefix = `/${mod.name}`;
		const stripPath = (p) =>
			p.startsWith(mod.apiPrefix) ? p.slice(mod.apiPrefix.length) || '/' : p;
		const instance = mod.create({
			...ctx,
			name: mod.name,
			options: providerConfig[mod.name] || {},
		});
		// Logging and faults apply to every path under /<provider>/ (req.path is relative to the mount here).
		app.use(prefix, requestLog.middleware(mod.name, stripPath));
		app.use(
			prefix,
			faults.middleware(mod.name, stripPath, { clock, onStatus: instance.faultResponse }),
		);
		app.use(prefix, instance.router);
		if (instance.controlRouter) app.use(`/_control/${mod.name}`, instance.controlRouter);
		sb.providers[mod.name] = instance;
		sb[mod.name] = instance.api;
	}
	app.use((req, res) =>
		res
			.status(404)
			.json({ error: 'Not Found.', sandbox: `no route for ${req.method} ${req.path}` }),
	);

	sb.reset = () => {
		deliverer.cancelAll();
		faults.clear();
		requestLog.clear();
		problems.length = 0;
		clock.reset();
		for (const p of Object.values(sb.providers)) p.reset();
	};
	sb.advanceClock = (ms) => {
		clock.advance(ms);
		for (const p of Object.values(sb.providers)) if (p.onClockAdvance) p.onClockAdvance();
	};

	const server = http.createServer(app);
	const sockets = new Set();
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});
	sb.url = `http://${host}:${server.address().port}`;
	sb.server = server;
	sb.close = () =>
		new Promise((resolve) => {
			deliverer.close();
			for (const p of Object.values(sb.providers)) if (p.close) p.close();
			server.close(() => resolve());
			for (const s of sockets) s.destroy();
		});
	log(`listening on ${sb.url}`);
	return sb;
}

module.exports = { startSandbox };
