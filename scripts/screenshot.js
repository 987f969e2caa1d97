#!/usr/bin/env node
'use strict';
// `npm run screenshot [-- --url http://127.0.0.1:5678 --workflow exAmiqusOnboard --out docs/screenshot-editor.png]`
// Screenshots the n8n editor with an example workflow open, against a running demo (`npm start`).
// Uses Debian's chromium (apt-get install -y chromium) driven by playwright-core; logs in as the
// demo owner.
const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '..');
const arg = (name, def) => {
	const i = process.argv.indexOf(name);
	return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : def;
};
const BASE = arg('--url', process.env.N8N_URL || 'http://127.0.0.1:5678').replace(/\/$/, '');
const WORKFLOW = arg('--workflow', 'exAmiqusOnboard');
const OUT = path.resolve(REPO, arg('--out', 'docs/screenshot-editor.png'));
const EMAIL = arg('--email', 'demo@example.com');
const PASSWORD = arg('--password', 'Demo-Sandbox-1');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function main() {
	if (!fs.existsSync(CHROMIUM))
		throw new Error(`${CHROMIUM} not found: apt-get update && apt-get install -y chromium`);
	const { chromium } = require('playwright-core');
	const t0 = Date.now();
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
		],
	});
	try {
		const page = await browser.newPage({
			viewport: { width: 1440, height: 860 },
			deviceScaleFactor: 1,
		});
		await page.goto(`${BASE}/signin`, { waitUntil: 'domcontentloaded', timeout: 60000 });
		const email = page
			.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
			.first();
		await email.waitFor({ timeout: 60000 });
		await email.fill(EMAIL);
		await page.locator('input[type="password"]').first().fill(PASSWORD);
		await Promise.all([
			page.waitForURL((u) => !/\/signin/.test(u.pathname), { timeout: 30000 }),
			page.locator('button[type="submit"], [data-test-id="form-submit-button"]').first().click(),
		]);
		await page.goto(`${BASE}/workflow/${WORKFLOW}`, {
			waitUntil: 'domcontentloaded',
			timeout: 60000,
		});
		await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60000 });
		await page.waitForTimeout(1500); // fit-view animation, icons
		await page.keyboard.press('Escape'); // close any toast or popover
		const nodes = await page.locator('[data-test-id="canvas-node"]').count();
		fs.mkdirSync(path.dirname(OUT), { recursive: true });
		await page.screenshot({ path: OUT });
		console.log(
			`saved ${path.relative(process.cwd(), OUT)}: workflow ${WORKFLOW}, ${nodes} nodes on the canvas (${Date.now() - t0} ms)`,
		);
		if (nodes < 2) throw new Error(`only ${nodes} node(s) on the canvas`);
	} finally {
		await browser.close();
	}
}

main().catch((e) => {
	console.error(`screenshot: ${e.stack || e}`);
	process.exit(1);
});
