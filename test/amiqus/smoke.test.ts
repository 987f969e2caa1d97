import express from 'express';
import type { AddressInfo } from 'net';

import { runNode, typeName } from '../harness/engine';

describe('harness smoke', () => {
	it('runs Amiqus client create through the engine against a stub', async () => {
		const app = express();
		app.use(express.json());
		const seen: unknown[] = [];
		app.post('/api/v2/clients', (req, res) => {
			seen.push({ auth: req.headers.authorization, body: req.body });
			res.status(201).json({ object: 'client', id: 1, ...req.body });
		});
		const server = app.listen(0, '127.0.0.1');
		await new Promise((r) => server.once('listening', r));
		const port = (server.address() as AddressInfo).port;
		try {
			const result = await runNode({
				type: typeName('amiqus'),
				parameters: { resource: 'client', operation: 'create', firstName: 'Marty', lastName: 'McFly', email: 'marty@example.com' },
				credentials: { amiqusApi: { accessToken: 'abc', baseUrl: `http://127.0.0.1:${port}/api/v2` } },
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ id: 1, email: 'marty@example.com' });
			expect(seen).toEqual([{ auth: 'Bearer abc', body: { name: { first_name: 'Marty', last_name: 'McFly' }, email: 'marty@example.com' } }]);
		} finally {
			server.close();
		}
	});
});

import { testCredential } from '../harness/credentialTest';

describe('credential test harness smoke', () => {
	it('reports OK for 204 and Error for 401', async () => {
		const app = express();
		app.get('/api/v2/status', (req, res) => {
			if (req.headers.authorization === 'Bearer good') res.status(204).end();
			else res.status(401).json({ error: 'Unauthenticated.' });
		});
		const server = app.listen(0, '127.0.0.1');
		await new Promise((r) => server.once('listening', r));
		const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2/`;
		try {
			expect((await testCredential('amiqusApi', { accessToken: 'good', baseUrl })).status).toBe('OK');
			const bad = await testCredential('amiqusApi', { accessToken: 'bad', baseUrl });
			expect(bad.status).toBe('Error');
			expect(bad.message).not.toContain('bad');
		} finally {
			server.close();
		}
	});
});
