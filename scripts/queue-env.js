'use strict';
// PostgreSQL and Redis for n8n's queue mode, from Debian's packages, started for one run:
// on 127.0.0.1, on free ports, with their data in .queue-env/<name> (ignored by git), stopped by PID.
//
//   const { startQueueEnv } = require('./scripts/queue-env');
//   const env = await startQueueEnv({ name: 'e2e', log });
//   env.n8nEnv      // DB_* and QUEUE_BULL_REDIS_* variables for every n8n process
//   await env.stop();
//
// Missing packages are installed with `apt-get install -y postgresql redis-server` (as root).
// As root, PostgreSQL runs as the `postgres` user (setpriv, so the PID we hold is the postmaster's).
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '..');
const ROOT = path.join(REPO, '.queue-env');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

function pgBinDir() {
	const base = '/usr/lib/postgresql';
	if (!fs.existsSync(base)) return null;
	const versions = fs
		.readdirSync(base)
		.filter((v) => fs.existsSync(path.join(base, v, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(base, versions[0], 'bin') : null;
}

function redisBin() {
	for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server'])
		if (fs.existsSync(p)) return p;
	return null;
}

/** Installs postgresql and redis-server from Debian's packages when either is missing. */
function ensurePackages({ log = () => {} } = {}) {
	const missing = [];
	if (!pgBinDir()) missing.push('postgresql');
	if (!redisBin()) missing.push('redis-server');
	if (!missing.length) return;
	if (!isRoot())
		throw new Error(
			`queue mode needs ${missing.join(' and ')}: run \`apt-get install -y ${missing.join(' ')}\` as root`,
		);
	const t = Date.now();
	log(`apt-get install -y ${missing.join(' ')}`);
	const opts = {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	};
	execFileSync('apt-get', ['update'], opts);
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], opts);
	log(`installed ${missing.join(', ')} (${Date.now() - t} ms)`);
	if (!pgBinDir() || !redisBin())
		throw new Error('apt-get finished but postgres or redis-server is still missing');
}

function tcpReady(port) {
	return new Promise((resolve) => {
		const s = net.connect(port, '127.0.0.1');
		s.once('connect', () => {
			s.destroy();
			resolve(true);
		});
		s.once('error', () => resolve(false));
	});
}

/** Sends one inline Redis command, resolves the first reply line. */
function redisCommand(port, command) {
	return new Promise((resolve, reject) => {
		const s = net.connect(port, '127.0.0.1');
		let data = '';
		s.setTimeout(3000, () => {
			s.destroy();
			reject(new Error('redis: timeout'));
		});
		s.once('error', reject);
		s.on('data', (d) => {
			data += d;
			if (data.includes('\r\n')) {
				s.end();
				resolve(data.split('\r\n')[0]);
			}
		});
		s.write(`${command}\r\n`);
	});
}

async function waitUntil(what, fn, child, timeoutMs = 60000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
		try {
			if (await fn()) return;
		} catch {
			/* not yet */
		}
		if (Date.now() > deadline) throw new Error(`${what} not ready within ${timeoutMs} ms`);
		await sleep(200);
	}
}

function spawnLogged(cmd, args, logFile) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, { detached: true, stdio: ['ignore', out, out] });
	fs.closeSync(out);
	return child;
}

async function stopChild(child, signal, graceMs = 10000) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	try {
		process.kill(child.pid, signal);
	} catch {
		return;
	}
	const t = setTimeout(() => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			/* gone */
		}
	}, graceMs);
	await exited;
	clearTimeout(t);
}

/**
 * Starts PostgreSQL and Redis. Resolves { postgres, redis, n8nEnv, dir, stop() }.
 * @param {object} o
 * @param {string} [o.name]  sub-folder of .queue-env/ (emptied first)
 */
async function startQueueEnv({ name = `run-${process.pid}`, log = () => {} } = {}) {
	ensurePackages({ log });
	const dir = path.join(ROOT, name);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const children = [];
	const killAll = () => {
		for (const c of children) {
			try {
				process.kill(-c.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}
	};
	process.once('exit', killAll);

	// ---- PostgreSQL
	const bin = pgBinDir();
	const asPg = (cmd, args) =>
		isRoot()
			? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', cmd, ...args]]
			: [cmd, args];
	let pgData = path.join(dir, 'pg');
	fs.mkdirSync(pgData, { mode: 0o700 });
	if (isRoot()) {
		execFileSync('chown', ['-R', 'postgres:postgres', pgData]);
		// The postgres user must reach the folder (a clone under /root may not let it): else a temporary folder.
		const [testCmd, testArgs] = asPg('test', ['-w', pgData]);
		try {
			execFileSync(testCmd, testArgs);
		} catch {
			pgData = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-pg-'));
			execFileSync('chown', ['-R', 'postgres:postgres', pgData]);
			fs.writeFileSync(path.join(dir, 'pg-data-dir.txt'), `${pgData}\n`);
			log(`postgres cannot reach ${dir}: its data is in ${pgData} (removed at the end)`);
		}
	}
	let t = Date.now();
	const [initCmd, initArgs] = asPg(path.join(bin, 'initdb'), [
		'-D',
		pgData,
		'-U',
		'n8n',
		'--auth=trust',
		'-E',
		'UTF8',
		'--no-sync',
	]);
	execFileSync(initCmd, initArgs, { stdio: ['ignore', 'ignore', 'inherit'] });
	const pgPort = await freePort();
	const [pgCmd, pgArgs] = asPg(path.join(bin, 'postgres'), [
		'-D',
		pgData,
		'-p',
		String(pgPort),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'unix_socket_directories=',
		'-c',
		'fsync=off',
		'-c',
		'max_connections=200',
	]);
	const pg = spawnLogged(pgCmd, pgArgs, path.join(dir, 'postgres.log'));
	children.push(pg);
	const psql = (sql) =>
		execFileSync(
			path.join(bin, 'psql'),
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(pgPort),
				'-U',
				'n8n',
				'-d',
				'postgres',
				'-v',
				'ON_ERROR_STOP=1',
				'-qAtc',
				sql,
			],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		).toString();
	await waitUntil(
		'postgres',
		async () => (await tcpReady(pgPort)) && psql('SELECT 1').trim() === '1',
		pg,
	);
	psql('CREATE DATABASE n8n');
	log(
		`postgres ${path.basename(path.dirname(bin))} on 127.0.0.1:${pgPort}, pid ${pg.pid} (${Date.now() - t} ms)`,
	);

	// ---- Redis
	t = Date.now();
	const redisPort = await freePort();
	const redisDir = path.join(dir, 'redis');
	fs.mkdirSync(redisDir);
	const redis = spawnLogged(
		redisBin(),
		[
			'--port',
			String(redisPort),
			'--bind',
			'127.0.0.1',
			'--dir',
			redisDir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
			'--protected-mode',
			'yes',
		],
		path.join(dir, 'redis.log'),
	);
	children.push(redis);
	await waitUntil('redis', async () => (await redisCommand(redisPort, 'PING')) === '+PONG', redis);
	log(`redis on 127.0.0.1:${redisPort}, pid ${redis.pid} (${Date.now() - t} ms)`);

	const n8nEnv = {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pgPort),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: 'n8n',
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
	};

	return {
		dir,
		postgres: { host: '127.0.0.1', port: pgPort, pid: pg.pid, psql },
		redis: {
			host: '127.0.0.1',
			port: redisPort,
			pid: redis.pid,
			command: (c) => redisCommand(redisPort, c),
		},
		n8nEnv,
		async stop({ keep = false } = {}) {
			// postgres: SIGINT = fast shutdown; redis: SIGTERM (no save configured)
			await stopChild(pg, 'SIGINT');
			await stopChild(redis, 'SIGTERM');
			process.removeListener('exit', killAll);
			if (!keep)
				for (const d of new Set([dir, pgData])) fs.rmSync(d, { recursive: true, force: true });
		},
	};
}

module.exports = { startQueueEnv, ensurePackages };

if (require.main === module) {
	// `node scripts/queue-env.js`: start both, print the n8n variables, stop on Ctrl-C.
	(async () => {
		const env = await startQueueEnv({ name: 'manual', log: (s) => console.log(s) });
		for (const [k, v] of Object.entries(env.n8nEnv)) console.log(`${k}=${v}`);
		const stop = async () => {
			await env.stop();
			process.exit(0);
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	})().catch((e) => {
		console.error(e);
		process.exit(1);
	});
}
