import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../harness/engine';
import { apiRequests, credentials, HMAC } from '../helpers';
import { NODE, useIdentomatNode } from './helpers';

const { sandbox, begin, op, newSession } = useIdentomatNode();

describe('Session: Get Result, Download Media, Delete Data', () => {
	it.each([
		['approved', 'verified', []],
		[
			'rejected',
			'rejected',
			[{ code: 'face_mismatch', text: 'The face does not match the document' }],
		],
		['proofOfAddress', 'verified', []],
	])('returns the full %s result with the verification', async (outcome, status, reasons) => {
		const sb = sandbox();
		const token = await newSession();
		sb.identomat.completeSession(token, { outcome });
		const run = await op('getResult', { session: token });
		expect(run.error).toBeUndefined();
		const { verification, session_token: sent, ...raw } = run.items[0].json;
		expect(sent).toBe(token);
		expect(raw.result).toBe(outcome === 'rejected' ? 'rejected' : 'approved');
		expect(raw).toHaveProperty('technicalDetails');
		expect(raw).toHaveProperty('generalDocuments');
		expect(verification).toMatchObject({
			provider: 'identomat',
			ids: { sessionToken: token },
			status,
			reasons,
		});
		if (outcome !== 'proofOfAddress') {
			expect(verification).toMatchObject({
				person: { firstName: 'SPECIMEN', lastName: 'SPECIMEN', dateOfBirth: '1979-11-25' },
				document: { type: 'id', number: '001122333' },
			});
		} else {
			expect((raw.generalDocuments as IDataObject[])[0].typeId).toBe('utility_bill');
		}
		const request = apiRequests(sb).find((r) => r.path === '/result/')!;
		expect(request.body.session_token).toBe(token);
	});

	it('wait for final result reads again until a documented decision, or stops at the time limit', async () => {
		const sb = sandbox();
		const token = await newSession();
		const timer = setTimeout(
			() => sb.identomat.completeSession(token, { outcome: 'rejected' }),
			300,
		);
		const run = await op('getResult', {
			session: token,
			options: { waitForFinalResult: true, timeoutSeconds: 20, initialIntervalSeconds: 0.05 },
		});
		clearTimeout(timer);
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({
			result: 'rejected',
			finalResult: true,
			verification: { status: 'rejected' },
		});
		const reads = apiRequests(sb).filter((r) => r.path === '/result/');
		expect(reads.length).toBeGreaterThan(1);
		expect(run.items[0].json.attempts).toBe(reads.length);
		// A person who never finishes: the last (undecided) answer, finalResult false.
		const other = await newSession();
		const late = await op('getResult', {
			session: other,
			options: { waitForFinalResult: true, timeoutSeconds: 0.3, initialIntervalSeconds: 0.05 },
		});
		expect(late.items[0].json).toMatchObject({
			finalResult: false,
			verification: { status: 'unknown' },
		});
	});

	it('keeps an undocumented result value as given and maps it to unknown', async () => {
		const sb = sandbox();
		const token = await newSession();
		const run = await op('getResult', { session: token });
		expect(run.items[0].json.result).toBe(sb.identomat.config.resultStrings.inProgress);
		expect(run.items[0].json.verification).toMatchObject({
			status: 'unknown',
			providerStatus: sb.identomat.config.resultStrings.inProgress,
		});
	});

	it('reports an expired token', async () => {
		const sb = sandbox();
		const token = await newSession();
		sb.advanceClock(16 * 60_000);
		const run = await op('getResult', { session: token });
		expect(run.error?.message).toMatch(/SESSION_EXPIRED/);
	});

	it.each([
		['cardFront', 'image/jpeg', '/result/card-front/'],
		['cardBack', 'image/jpeg', '/result/card-back/'],
		['face', 'image/jpeg', '/result/face/'],
		['faceVideo', 'video/webm', '/result/face-video/'],
	])('downloads %s as binary', async (media, mimeType, path) => {
		const sb = sandbox();
		const token = await newSession();
		sb.identomat.completeSession(token, { outcome: 'approved' });
		const run = await op('downloadMedia', { session: token, media, binaryPropertyName: 'file' });
		expect(run.error).toBeUndefined();
		const item = run.items[0];
		expect(item.json).toMatchObject({ session_token: token, media, mimeType });
		expect(item.binary?.file.mimeType).toBe(mimeType);
		expect(Number(item.json.fileSize)).toBeGreaterThan(10);
		expect(apiRequests(sb).some((r) => r.path === path && r.body.session_token === token)).toBe(
			true,
		);
	});

	it('downloads signed media for an HMAC company and refuses missing media', async () => {
		const sb = sandbox();
		const token = (await begin({ configurationMode: 'json', configurationJson: '{}' }, HMAC))
			.items[0].json.session_token as string;
		sb.identomat.completeSession(token, { outcome: 'approved' });
		const face = await op(
			'downloadMedia',
			{ session: token, media: 'face', binaryPropertyName: 'data' },
			HMAC,
		);
		expect(face.items[0].binary?.data.mimeType).toBe('image/jpeg');
		const passport = await op(
			'downloadMedia',
			{ session: token, media: 'passport', binaryPropertyName: 'data' },
			HMAC,
		);
		expect(passport.error?.message).toMatch(/no passport for this session/);
	});

	it('deletes session data', async () => {
		const sb = sandbox();
		const token = await newSession();
		sb.identomat.completeSession(token, { outcome: 'approved' });
		const run = await op('deleteData', { session: token });
		expect(run.items[0].json).toEqual({ deleted: true, session_token: token, response: true });
		expect(sb.identomat.session(token).deleted).toBe(true);
		expect((await op('getResult', { session: token })).error?.message).toMatch(/SESSION_NOT_FOUND/);
	});

	it('refuses a malformed session token before sending', async () => {
		const sb = sandbox();
		const run = await op('getResult', { session: 'abc/../def' });
		expect(run.error?.message).toMatch(/"Session Token" must contain only letters and digits/);
		expect(apiRequests(sb)).toEqual([]);
	});

	it('continues on fail per item', async () => {
		const sb = sandbox();
		const token = await newSession();
		sb.identomat.completeSession(token, { outcome: 'rejected' });
		const run = await runNode({
			type: NODE,
			parameters: { resource: 'session', operation: 'getResult', session: '={{$json.token}}' },
			credentials: credentials(sb),
			items: [{ token }, { token: 'unknownsession' }],
			continueOnFail: true,
		});
		expect(run.items).toHaveLength(2);
		expect(run.items[0].json.result).toBe('rejected');
		expect(run.items[1].json.error).toMatch(/SESSION_NOT_FOUND/);
		expect(JSON.stringify(run.items)).not.toContain(sb.identomat.config.companies[0].companyKey);
	});
});
