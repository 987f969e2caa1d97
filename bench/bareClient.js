'use strict';
// The practical limit: a bare Node HTTP client reading the same records with the same
// concurrency as the node, over a keep-alive agent. Runs in its own process so it does not
// share an event loop with the sandbox. Prints one JSON line: { ms, requests, failed }.
//   node bench/bareClient.js <baseUrl> <token> <concurrency> <id,id,...>
const http = require('http');

const [baseUrl, token, concurrencyArg, idList] = process.argv.slice(2);
const ids = idList.split(',').map(Number);
const concurrency = Number(concurrencyArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function get(url) {
	return new Promise((resolve, reject) => {
		const req = http.get(
			url,
			{ agent, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } },
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					JSON.parse(Buffer.concat(chunks).toString('utf8'));
					resolve(res.statusCode);
				});
			},
		);
		req.on('error', reject);
	});
}

(async () => {
	const t = process.hrtime.bigint();
	let next = 0;
	let failed = 0;
	const worker = async () => {
		while (next < ids.length) {
			const id = ids[next++];
			const status = await get(`${baseUrl}/records/${id}?expand=client`).catch(() => 0);
			if (status !== 200) failed++;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const ms = Number(process.hrtime.bigint() - t) / 1e6;
	agent.destroy();
	console.log(JSON.stringify({ ms, requests: ids.length, failed }));
})().catch((e) => {
	console.error(e);
	process.exit(1);
});
