#!/usr/bin/env node
'use strict';
// `npm run test:editor`: what an n8n user meets in the editor, in a real browser against a real
// n8n (started as the e2e suite does, test/e2e/n8n.js) and the provider sandbox.
//   - the nodes panel (trigger panel and next-step panel) finds every provider by what it does;
//   - each credential tests green with the sandbox values and red, naming the field, with a wrong one;
//   - the Fallback example with a failing Ondato create: "Execute workflow" runs from its manual
//     start, the item leaves on the Error Branch and an Identomat session starts;
//   - "Wait for Final Result" shows its Time Limit and First Pause as soon as it is switched on, and
//     a node saved with these settings under Options (earlier versions) shows them there.
// playwright-core drives Debian's Chromium (/usr/bin/chromium; installed with apt-get when missing).
// On a failure it saves a screenshot in .n8n-e2e/editor/.
//
//   node test/editor/run.js [--build]
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { assert, log, createRun } = require('../e2e/checks');
const { N8n, REPO, nodeType } = require('../e2e/n8n');
const e2eWorkflows = require('../e2e/workflows');
const providers = require('../e2e/providers');
const onError = require('../e2e/errorOutput');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SHOTS = path.join(REPO, '.n8n-e2e', 'editor');

/** Verigram Get Result twice: as a new node (version 2), and as saved by version 1, which kept the wait settings under Options. */
const WAIT_ID = 'e2eEditorWait01';
const waitWorkflow = () => {
	const node = (name, parameters, y, typeVersion) => ({
		id: `${WAIT_ID}-${y}`,
		name,
		type: nodeType('verigram'),
		typeVersion,
		position: [300, y],
		credentials: {
			[providers.CRED.verigram.type]: {
				id: providers.CRED.verigram.id,
				name: providers.CRED.verigram.name,
			},
		},
		parameters: {
			resource: 'flow',
			operation: 'getResult',
			flowId: { __rl: true, mode: 'id', value: 'flow-1' },
			...parameters,
		},
	});
	return {
		id: WAIT_ID,
		name: 'editor: Wait for Final Result',
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
		connections: {},
		nodes: [
			node('New Get Result', {}, 0, 2),
			node(
				'Saved Get Result',
				{ options: { waitForFinalResult: true, timeoutSeconds: 120 } },
				200,
				1,
			),
		],
	};
};

/** Words an operations person types; each must find every provider it applies to. */
const PROVIDERS = ['Amiqus', 'Ondato', 'Identomat', 'Verigram', 'Nevis'];
const SEARCHES = {
	KYC: PROVIDERS,
	AML: PROVIDERS,
	identity: PROVIDERS,
	verification: PROVIDERS,
	'ID verification': PROVIDERS,
	IDV: PROVIDERS,
	onboarding: PROVIDERS,
	liveness: PROVIDERS,
	selfie: PROVIDERS,
	passport: PROVIDERS,
	'document check': PROVIDERS,
	KYB: ['Amiqus', 'Ondato'],
	'e-signature': ['Amiqus', 'Verigram'],
};

function ensureChromium() {
	if (fs.existsSync(CHROMIUM)) return;
	log(`${CHROMIUM} is missing: installing Debian's chromium with apt-get`);
	const sudo = process.getuid && process.getuid() === 0 ? [] : ['sudo'];
	const run = (args) =>
		execFileSync(sudo[0] || args[0], sudo.length ? args : args.slice(1), {
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	run(['apt-get', 'update']);
	run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']);
	assert(fs.existsSync(CHROMIUM), `apt-get did not install ${CHROMIUM}`);
}

const ONLY = process.env.EDITOR_ONLY ? new RegExp(process.env.EDITOR_ONLY, 'i') : null;

let currentPage;
const run = createRun({
	label: 'editor',
	detail: (e) => e.message || e,
	// A failed check leaves a screenshot of the page.
	onFail: async (name, _error, count) => {
		const shot = path.join(SHOTS, `${count}-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`);
		await currentPage.screenshot({ path: shot }).catch(() => {});
		return `screenshot: ${path.relative(REPO, shot)}`;
	},
});

async function check(page, name, fn) {
	if (ONLY && !ONLY.test(name)) return;
	currentPage = page;
	await run.check(name, fn);
}

async function login(page, baseUrl, owner) {
	await page.goto(`${baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
	await page
		.locator('input[type="email"], input[name="emailOrLdapLoginId"]')
		.first()
		.fill(owner.email);
	await page.locator('input[type="password"]').first().fill(owner.password);
	await Promise.all([
		page.waitForURL((u) => !/\/signin/.test(u.pathname), { timeout: 60000 }),
		page.locator('button[type="submit"], [data-test-id="form-submit-button"]').first().click(),
	]);
}

/** The provider names the open nodes panel lists for a search. */
async function searchPanel(page, words) {
	const input = page
		.locator(
			'[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]',
		)
		.first();
	await input.waitFor({ timeout: 30000 });
	const names = page.locator(
		'[data-test-id="node-creator"] [data-test-id="node-creator-item-name"]',
	);
	const read = async () => (await names.allInnerTexts()).map((n) => n.trim()).join('|');
	const unsearched = await read();
	const found = {};
	for (const word of words) {
		await input.fill(word);
		// The list updates a moment after typing: wait until it differs from the unsearched list and
		// holds still.
		let last = unsearched;
		for (let settled = 0, tries = 0; settled < 3 && tries < 100; tries++) {
			await page.waitForTimeout(100);
			const now = await read();
			settled = now !== unsearched && now === last ? settled + 1 : 0;
			last = now;
		}
		found[word] = last === unsearched ? [] : last.split('|');
	}
	return found;
}

function assertFound(found) {
	const misses = Object.entries(SEARCHES)
		.map(([word, expected]) => [
			word,
			expected.filter((p) => !found[word].some((n) => n.startsWith(p))),
		])
		.filter(([, missing]) => missing.length);
	assert(
		!misses.length,
		misses
			.map(
				([w, m]) =>
					`"${w}" does not find ${m.join(', ')} (found: ${found[w].join(', ') || 'nothing'})`,
			)
			.join('\n'),
	);
}

/** Opens a saved credential, sets one field, saves (n8n then tests it) and returns what the test said. */
async function saveAndTest(page, baseUrl, id, field, value) {
	await page.goto(`${baseUrl}/home/credentials/${id}`, { waitUntil: 'domcontentloaded' });
	const input = page.locator(`[data-test-id="parameter-input-${field}"] input`).first();
	await input.waitFor({ timeout: 30000 });
	await input.fill(value);
	const dialog = page.locator('[data-test-id="credential-edit-dialog"]');
	// The test of this save: its request carries the value (the editor may send further tests).
	const tested = () =>
		page.waitForResponse(
			(r) =>
				r.url().includes('/rest/credentials/test') &&
				(r.request().postData() ?? '').includes(JSON.stringify(value)),
			{ timeout: 60000 },
		);
	let [response] = await Promise.all([
		tested(),
		page.locator('[data-test-id="credential-save-button"]').click(),
	]);
	let { data } = await response.json();
	// n8n 2.40 shares one mock node between credential tests running at once, and the editor may
	// send two on a save: the loser answers "Node not found". A user clicks Retry; so do we.
	for (let retry = 0; data.message === 'Node not found' && retry < 3; retry++) {
		[response] = await Promise.all([
			tested(),
			dialog.locator('button[title="Retry credential test"] >> visible=true').first().click(),
		]);
		({ data } = await response.json());
	}
	if (data.status === 'OK') {
		await dialog
			.locator('text=Connection tested successfully >> visible=true')
			.first()
			.waitFor({ timeout: 10000 });
		return { ok: true };
	}
	const banner = dialog.locator('.el-tag--danger >> visible=true').first();
	await banner.getByText('Couldn’t connect with these settings').waitFor({ timeout: 10000 });
	const more = banner.getByText('More details');
	if (await more.isVisible()) await more.click();
	return { ok: false, shown: (await banner.innerText()).replace(/\s+/g, ' ') };
}

async function main() {
	ensureChromium();
	fs.mkdirSync(SHOTS, { recursive: true });
	const { startSandbox } = require(path.join(REPO, 'sandbox'));
	const sb = await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
	const folder = path.join('.n8n-e2e', `editor-${process.pid}`);
	const n8n = new N8n({ folder, log });
	let browser;
	try {
		await n8n.prepare({ buildFirst: process.argv.includes('--build') ? 'always' : 'ifStale' });
		const credentials = [...e2eWorkflows.credentials(sb), ...providers.credentials(sb)];
		await n8n.importCredentials(credentials);
		await n8n.importWorkflows([onError.workflows()[1], waitWorkflow()]);
		const server = await n8n.start({});
		const owner = await server.setupOwner();
		log(`n8n on ${server.baseUrl} (${Date.now() - run.startedAt} ms after start)`);

		const { chromium } = require('playwright-core');
		// A fresh profile (--user-data-dir) in the run's own folder.
		browser = await chromium.launchPersistentContext(path.join(n8n.folder, 'chromium'), {
			executablePath: CHROMIUM,
			headless: true,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
			viewport: { width: 1440, height: 900 },
		});
		const page = browser.pages()[0] ?? (await browser.newPage());
		page.setDefaultTimeout(30000);
		await login(page, server.baseUrl, owner);

		await check(
			page,
			'trigger panel of a new workflow: each word finds the providers',
			async () => {
				await page.goto(`${server.baseUrl}/workflow/new`, { waitUntil: 'domcontentloaded' });
				await page.locator('[data-test-id="canvas-add-button"]').click();
				assertFound(await searchPanel(page, Object.keys(SEARCHES)));
			},
		);

		const fallback = onError.ID.fallback;
		await check(page, 'next-step panel: each word finds the providers', async () => {
			await page.goto(`${server.baseUrl}/workflow/${fallback}`, { waitUntil: 'domcontentloaded' });
			await page.locator('[data-test-id="canvas-node"]').first().waitFor();
			await page.locator('[data-test-id="node-creator-plus-button"]').click();
			assertFound(await searchPanel(page, Object.keys(SEARCHES)));
		});

		await check(
			page,
			'Fallback example: Execute workflow runs from the manual start; the failed Ondato create is on the Error Branch and an Identomat session starts',
			async () => {
				const sessionsBefore = sb.identomat.sessions.size;
				await page.goto(`${server.baseUrl}/workflow/${fallback}`, {
					waitUntil: 'domcontentloaded',
				});
				await page.locator('[data-test-id="canvas-node"]').first().waitFor();
				const run = page.locator('[data-test-id="execute-workflow-button"]');
				const label = (await run.innerText()).replace(/\s+/g, ' ');
				assert(!/from Ondato/i.test(label), `the button runs another trigger: "${label}"`);
				await run.click();
				await page
					.getByText(/Workflow executed successfully|executed successfully/i)
					.first()
					.waitFor({ timeout: 60000 });
				assert(
					sb.identomat.sessions.size === sessionsBefore + 1,
					`Identomat sessions: ${sessionsBefore} before, ${sb.identomat.sessions.size} after`,
				);
				await page
					.locator('[data-test-id="canvas-node"]', { hasText: 'Start Ondato Session' })
					.dblclick();
				const output = page.locator('[data-test-id="output-panel"]');
				await output.waitFor();
				const branches = (await output.innerText()).replace(/\s+/g, ' ');
				assert(
					/Error Branch\s*\(1 item\)/i.test(branches) || /Error Branch/i.test(branches),
					`output panel: ${branches.slice(0, 300)}`,
				);
				const errorTab = output.getByText(/Error Branch/i).first();
				await errorTab.click();
				await output
					.getByText(/Ondato:/)
					.first()
					.waitFor({ timeout: 10000 });
				log(`Ondato output: ${branches.slice(0, 160)}`);
				await page.keyboard.press('Escape');
			},
		);

		await check(
			page,
			'Wait for Final Result: Time Limit and First Pause show as soon as it is on; settings saved under Options show there',
			async () => {
				await page.goto(`${server.baseUrl}/workflow/${WAIT_ID}`, { waitUntil: 'domcontentloaded' });
				const open = async (name) => {
					await page
						.locator('[data-test-id="canvas-node"]')
						.filter({ hasText: name })
						.first()
						.dblclick();
					const ndv = page.locator('[data-test-id="ndv"]');
					await ndv.locator('[data-test-id="parameter-input-flowId"]').first().waitFor();
					return ndv;
				};
				let ndv = await open('New Get Result');
				const setting = (name) =>
					ndv.locator(`[data-test-id="parameter-input-${name}"] >> visible=true`);
				assert(
					(await setting('timeoutSeconds').count()) === 0,
					'Time Limit shown while the switch is off',
				);
				await setting('waitForFinalResult').first().click();
				await setting('timeoutSeconds').first().waitFor({ timeout: 10000 });
				await setting('initialIntervalSeconds').first().waitFor({ timeout: 10000 });
				await page.screenshot({ path: path.join(SHOTS, 'wait-for-final-result-on.png') });
				// A new node (version 2) has no saved settings: no empty Options box beside Request Options.
				const optionsLabels = ndv.getByText('Options', { exact: true });
				assert(
					(await optionsLabels.count()) === 0,
					`an Options collection shown on a new node: ${await optionsLabels.count()}`,
				);
				await page.keyboard.press('Escape');
				ndv = await open('Saved Get Result');
				await ndv.getByText('Saved Wait for Final Result').first().waitFor({ timeout: 10000 });
				const saved = ndv.locator(
					'[data-test-id="parameter-input-timeoutSeconds"] input >> visible=true',
				);
				assert(
					(await saved.count()) === 1,
					`Time Limit inputs shown for the saved node: ${await saved.count()}`,
				);
				assert(
					(await saved.first().inputValue()) === '120',
					`saved Time Limit: ${await saved.first().inputValue()}`,
				);
				await page.screenshot({ path: path.join(SHOTS, 'wait-for-final-result-saved.png') });
				await page.keyboard.press('Escape');
			},
		);

		const good = Object.fromEntries(credentials.map((c) => [c.id, c.data]));
		const cases = [
			{
				id: 'e2eAmiqusSandbx',
				field: 'accessToken',
				wrong: 'revoked-xxxx',
				shown: /Unauthenticated.*"Personal Access Token"/,
			},
			{
				id: 'e2eOndatoSandbx',
				field: 'clientSecret',
				wrong: 'not-the-secret',
				shown: /invalid_client.*"Client Secret"/,
			},
			{
				id: 'e2eIdentoSandbx',
				field: 'companyApiKey',
				wrong: 'not-a-company-key',
				shown: /COMPANY_KEY_INVALID.*"Company Key"/,
			},
			{ id: 'e2eVerigrSandbx', field: 'apiSecret', wrong: 'not-the-secret', shown: /"API Secret"/ },
			{
				id: 'e2eNevisSandbox',
				field: 'accessToken',
				wrong: 'not-an-access-key',
				shown: /"Access Key"/,
			},
		];
		for (const c of cases) {
			await check(
				page,
				`credential ${c.id}: tests green with the sandbox values, red naming the field with a wrong ${c.field}`,
				async () => {
					const ok = await saveAndTest(page, server.baseUrl, c.id, c.field, good[c.id][c.field]);
					assert(ok.ok, `with the sandbox values: ${ok.shown}`);
					const bad = await saveAndTest(page, server.baseUrl, c.id, c.field, c.wrong);
					assert(!bad.ok, 'a wrong value tested green');
					assert(c.shown.test(bad.shown), `shown: ${bad.shown}`);
					log(`${c.id}: ${bad.shown.slice(0, 140)}`);
				},
			);
		}
	} finally {
		if (browser) await browser.close().catch(() => {});
		await n8n.stopAll();
		await sb.close();
		if (run.allPassed()) fs.rmSync(path.join(REPO, folder), { recursive: true, force: true });
	}
}

run.finish(main);
