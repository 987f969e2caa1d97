import type { IDataObject } from 'n8n-workflow';

import { testCredential } from '../harness/credentialTest';
import { runNode, typeName } from '../harness/engine';
import { apiRequests, credentials, credentialOf, HMAC, PLAIN, useSandbox } from './helpers';

// lodash.get, as n8n's credential tester uses it for `rules` (lodash ships without types here).
const { get } = jest.requireActual('lodash') as { get: (object: unknown, path: string) => unknown };

const sandbox = useSandbox();
const NODE = typeName('identomat');

async function begin(parameters: IDataObject, company = PLAIN, extra: IDataObject = {}) {
	return await runNode({
		type: NODE,
		parameters: { resource: 'session', operation: 'begin', ...parameters },
		credentials: credentials(sandbox(), company, extra),
	});
}

async function op(
	operation: string,
	parameters: IDataObject,
	company = PLAIN,
	extra: IDataObject = {},
) {
	return await runNode({
		type: NODE,
		parameters: { resource: 'session', operation, ...parameters },
		credentials: credentials(sandbox(), company, extra),
	});
}

/** Begins a plain session through the node and returns its token. */
async function newSession(flags: IDataObject = {}): Promise<string> {
	const run = await begin({
		configurationMode: 'json',
		configurationJson: JSON.stringify({ flags }),
	});
	expect(run.error).toBeUndefined();
	return run.items[0].json.session_token as string;
}

const questionnaire = (questions: IDataObject[]) => ({
	configurationMode: 'json',
	configurationJson: JSON.stringify({
		steps: [{ type: 'user-questionnaire', key: 'kyc', title: 'KYC', questions }],
	}),
});

describe('Identomat credential', () => {
	it('passes with a valid company key and sends company_key in the body', async () => {
		const sb = sandbox();
		const result = await testCredential('identomatApi', credentialOf(sb) as Record<string, string>);
		expect(result.status).toBe('OK');
		const [request] = apiRequests(sb);
		expect(request.path).toBe('/begin/');
		expect(request.body.company_key).toBe(sb.identomat.config.companies[0].companyKey);
	});

	it('fails on COMPANY_KEY_INVALID', async () => {
		const sb = sandbox();
		const result = await testCredential(
			'identomatApi',
			credentialOf(sb, PLAIN, { companyApiKey: 'not-a-key' }) as Record<string, string>,
		);
		expect(result.status).toBe('Error');
		expect(sb.identomat.sessions.size).toBe(0);
	});

	it('fails, naming the Company Key, when COMPANY_KEY_INVALID comes with HTTP 200 (the status is UNCONFIRMED)', async () => {
		const sb = sandbox();
		sb.identomat.config.invalidKeyStatus = 200;
		const result = await testCredential(
			'identomatApi',
			credentialOf(sb, PLAIN, { companyApiKey: 'not-a-key' }) as Record<string, string>,
		);
		expect(result.status).toBe('Error');
		expect(result.shown).toMatch(/COMPANY_KEY_INVALID.*"Company Key"/);
		expect(apiRequests(sb)[0].status).toBe(200);
	});

	it('signs the credential test for an HMAC company (the sandbox refuses unsigned calls)', async () => {
		const sb = sandbox();
		expect(
			(await testCredential('identomatApi', credentialOf(sb, HMAC) as Record<string, string>))
				.status,
		).toBe('OK');
		expect(
			(
				await testCredential(
					'identomatApi',
					credentialOf(sb, HMAC, { secretKey: '' }) as Record<string, string>,
				)
			).status,
		).toBe('Error');
	});
});

describe('Session: Begin (builder)', () => {
	it('sends every general flag and every step type with its flags', async () => {
		const sb = sandbox();
		const steps = [
			{
				type: 'identity-document',
				disable_document_capture: true,
				allow_document_upload: true,
				document_types: ['id', 'passport'],
				document_countries: 'usa, DEU',
			},
			{ type: 'liveness', liveness: true, allow_face_upload: false },
			{ type: 'general-document', general_document_types: ['utility_bill'] },
			{ type: 'face-document', allow_face_doc_upload: true, require_face_document: true },
			{ type: 'video-call', resetSteps: true, hideCameraOption: true, nameRequired: false },
			{ type: 'phone-number', require_phone_number_check: true, require_phone_number: false },
			{
				type: 'email',
				key: 'mail',
				require_email_check: false,
				require_email: true,
				additionalStepFlags: '{"x_extra": 1}',
			},
			{
				type: 'user-questionnaire',
				key: 'kyc',
				title: 'About you',
				titleTranslations: '{"ka": "თქვენ შესახებ"}',
				description: 'A few questions',
				successButtonTitle: 'Send',
				questions: {
					question: [
						{
							type: 'options',
							key: 'employed',
							title: 'Employed?',
							mandatory: true,
							answer: 'yes',
							answerOptions: {
								option: [
									{ key: 'yes', title: 'Yes' },
									{ key: 'no', title: 'No', titleTranslations: '{"ka": "არა"}' },
								],
							},
						},
						{
							type: 'string',
							key: 'employer',
							title: 'Employer',
							readOnly: true,
							answer: 'ACME',
							showConditionQuestionKey: 'employed',
							showConditionAnswer: 'yes',
						},
						{
							type: 'multiple-choice',
							key: 'income',
							title: 'Income sources',
							answer: 'salary, rent',
							answerOptions: {
								option: [
									{ key: 'salary', title: 'Salary' },
									{ key: 'rent', title: 'Rent' },
								],
							},
						},
					],
				},
			},
			{
				type: 'operator-questionnaire',
				key: 'operator',
				title: 'Operator notes',
				questions: { question: [{ type: 'string', key: 'note', title: 'Note' }] },
			},
		];
		const run = await begin({
			configurationMode: 'builder',
			flags: {
				language: 'ka',
				return_url: 'https://example.com/back',
				switch_device_url: 'https://example.com/switch',
				skip_desktop: true,
				restrict_url_sharing: true,
				optional_continue_on_another_device: true,
				multiple_participants: true,
				requireHdMedia: true,
				additionalFlags: '{"skip_agreement": true}',
			},
			steps: { step: steps },
		});
		expect(run.error).toBeUndefined();
		const out = run.items[0].json;
		expect(out.session_token).toMatch(/^[a-z0-9]{40}$/);
		expect(out.widget_url).toBe(`${sb.identomat.baseUrl}/?session_token=${out.session_token}`);
		const session = sb.identomat.session(out.session_token);
		expect(session.flags).toEqual({
			skip_agreement: true,
			language: 'ka',
			return_url: 'https://example.com/back',
			switch_device_url: 'https://example.com/switch',
			skip_desktop: true,
			restrict_url_sharing: true,
			optional_continue_on_another_device: true,
			multiple_participants: true,
			requireHdMedia: true,
			// set by the node, as the developer guide asks, because steps are given
			skip_face: true,
			skip_document: true,
		});
		expect(session.steps).toEqual([
			{
				type: 'identity-document',
				key: 'identity-document',
				flags: {
					disable_document_capture: true,
					allow_document_upload: true,
					document_types: ['id', 'passport'],
					document_countries: ['USA', 'DEU'],
				},
			},
			{ type: 'liveness', key: 'liveness', flags: { liveness: true, allow_face_upload: false } },
			{
				type: 'general-document',
				key: 'select_general_document',
				flags: { general_document_types: ['utility_bill'] },
			},
			{
				type: 'face-document',
				key: 'capture_face_document',
				flags: { allow_face_doc_upload: true, require_face_document: true },
			},
			{
				type: 'video-call',
				key: 'video-call',
				resetSteps: true,
				hideCameraOption: true,
				nameRequired: false,
			},
			{
				type: 'phone-number',
				key: 'phone_number',
				flags: { require_phone_number_check: true, require_phone_number: false },
			},
			{
				type: 'email',
				key: 'mail',
				flags: { require_email_check: false, require_email: true, x_extra: 1 },
			},
			{
				type: 'user-questionnaire',
				key: 'kyc',
				title: { ka: 'თქვენ შესახებ', en: 'About you' },
				description: 'A few questions',
				successButtonTitle: 'Send',
				questions: [
					{
						type: 'options',
						key: 'employed',
						title: 'Employed?',
						mandatory: true,
						answer: 'yes',
						options: [
							{ key: 'yes', title: 'Yes' },
							{ key: 'no', title: { ka: 'არა', en: 'No' } },
						],
					},
					{
						type: 'string',
						key: 'employer',
						title: 'Employer',
						readOnly: true,
						answer: 'ACME',
						showConditions: { questionKey: 'employed', answer: 'yes' },
					},
					{
						type: 'multiple-choice',
						key: 'income',
						title: 'Income sources',
						answer: ['salary', 'rent'],
						options: [
							{ key: 'salary', title: 'Salary' },
							{ key: 'rent', title: 'Rent' },
						],
					},
				],
			},
			{
				type: 'operator-questionnaire',
				key: 'operator',
				title: 'Operator notes',
				questions: [{ type: 'string', key: 'note', title: 'Note' }],
			},
		]);
		expect(apiRequests(sb)[0].headers['content-type']).toBe('application/json');
	});

	it('can put the video-call settings into the step flags', async () => {
		const sb = sandbox();
		const run = await begin({
			steps: { step: [{ type: 'video-call', resetSteps: true }] },
			options: { videoCallSettingsPlacement: 'flags', skipDefaultSteps: false },
		});
		expect(run.error).toBeUndefined();
		const session = sb.identomat.session(run.items[0].json.session_token);
		expect(session.steps).toEqual([
			{
				type: 'video-call',
				key: 'video-call',
				flags: { resetSteps: true, hideCameraOption: false, nameRequired: false },
			},
		]);
		expect(session.flags).toEqual({});
	});

	it('uses a saved configuration with step overrides, and creates child sessions', async () => {
		const sb = sandbox();
		const parent = await newSession();
		const run = await begin({
			steps: { step: [{ type: 'liveness', liveness: true }] },
			options: { configId: '62412c096c4b39ba845d4bf2', parentSessionId: parent },
		});
		expect(run.error).toBeUndefined();
		const body = apiRequests(sb)[1].body;
		expect(body.config_id).toBe('62412c096c4b39ba845d4bf2');
		expect(body.parent_session_id).toBe(parent);
		expect(body.flags).toBeUndefined(); // no skip flags added with a configuration
		const child = sb.identomat.session(run.items[0].json.session_token);
		expect(child.steps).toEqual([
			{ type: 'identity-document', key: 'identity-document' },
			{ type: 'liveness', key: 'liveness', flags: { liveness: true, allow_face_upload: false } },
		]);
		expect(sb.identomat.session(parent).children).toEqual([run.items[0].json.session_token]);
	});
});

describe('Session: Begin (JSON) and validation', () => {
	it('sends a pasted configuration as given', async () => {
		const sb = sandbox();
		const config = {
			flags: { language: 'de', skip_face: true, skip_document: true },
			steps: [{ type: 'liveness', key: 'liveness', flags: { liveness: false } }],
		};
		const run = await begin({
			configurationMode: 'json',
			configurationJson: JSON.stringify(config),
		});
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.configuration).toEqual(config);
		const { company_key: key, ...rest } = apiRequests(sb)[0].body;
		expect(key).toBeDefined();
		expect(rest).toEqual(config);
	});

	const cases: Array<[string, IDataObject, RegExp]> = [
		[
			'duplicate step keys',
			{
				configurationMode: 'json',
				configurationJson: JSON.stringify({ steps: [{ type: 'liveness' }, { type: 'liveness' }] }),
			},
			/steps\[1\]\.key" "liveness" is used by another step/,
		],
		[
			'duplicate step keys in the builder',
			{ steps: { step: [{ type: 'email' }, { type: 'phone-number', key: 'require_email' }] } },
			/steps\[1\]\.key/,
		],
		[
			'a questionnaire without a key',
			{
				configurationMode: 'json',
				configurationJson: JSON.stringify({
					steps: [
						{ type: 'user-questionnaire', questions: [{ type: 'string', key: 'a', title: 'A' }] },
					],
				}),
			},
			/steps\[0\]\.key" is required/,
		],
		[
			'duplicate question keys',
			questionnaire([
				{ type: 'string', key: 'a', title: 'A' },
				{ type: 'string', key: 'a', title: 'B' },
			]),
			/questions\[1\]\.key" "a" is used by another question/,
		],
		[
			'duplicate option keys',
			questionnaire([
				{ type: 'options', key: 'a', title: 'A', options: [{ key: 'x', title: 'X' }] },
				{ type: 'multiple-choice', key: 'b', title: 'B', options: [{ key: 'x', title: 'X' }] },
			]),
			/options\[0\]\.key" "x" is used by another option/,
		],
		[
			'a show condition on a missing question',
			questionnaire([
				{
					type: 'string',
					key: 'a',
					title: 'A',
					showConditions: { questionKey: 'nope', answer: 'x' },
				},
			]),
			/showConditions\.questionKey" must be the key of another question/,
		],
		[
			'a show condition with an unknown option',
			questionnaire([
				{ type: 'options', key: 'a', title: 'A', options: [{ key: 'y', title: 'Y' }] },
				{ type: 'string', key: 'b', title: 'B', showConditions: { questionKey: 'a', answer: 'n' } },
			]),
			/showConditions\.answer" must be the key of an option/,
		],
		[
			'options on a string question',
			questionnaire([
				{ type: 'string', key: 'a', title: 'A', options: [{ key: 'x', title: 'X' }] },
			]),
			/options" are only allowed on "options" and "multiple-choice"/,
		],
		[
			'an options question without options',
			questionnaire([{ type: 'options', key: 'a', title: 'A' }]),
			/must list at least one option/,
		],
		[
			'a preset answer that is not an option',
			questionnaire([
				{ type: 'options', key: 'a', title: 'A', answer: 'z', options: [{ key: 'x', title: 'X' }] },
			]),
			/answer" must be the key of one of this question's options/,
		],
		[
			'an unknown question type',
			questionnaire([{ type: 'date', key: 'a', title: 'A' }]),
			/type" must be one of string, multiple-choice, options/,
		],
		[
			'an unknown language in a title',
			questionnaire([{ type: 'string', key: 'a', title: { xx: 'A' } }]),
			/unknown language code "xx"/,
		],
		[
			'an unknown step type',
			{
				configurationMode: 'json',
				configurationJson: JSON.stringify({ steps: [{ type: 'kyb', key: 'k' }] }),
			},
			/"kyb" is not a step type/,
		],
		[
			'an unknown language',
			{
				flags: { language: 'en' },
				configurationMode: 'json',
				configurationJson: JSON.stringify({ flags: { language: 'xx' } }),
			},
			/flags\.language" must be one of/,
		],
		[
			'a bad return URL',
			{
				configurationMode: 'json',
				configurationJson: JSON.stringify({ flags: { return_url: 'not a url' } }),
			},
			/flags\.return_url" must be an http\(s\) URL/,
		],
		[
			'company_key in the JSON',
			{ configurationMode: 'json', configurationJson: JSON.stringify({ company_key: 'x' }) },
			/it comes from the credential/,
		],
		[
			'bad issuer codes',
			{ steps: { step: [{ type: 'identity-document', document_countries: 'US' }] } },
			/document_countries" must hold 3-letter issuer codes/,
		],
		[
			'bad translations JSON',
			{ steps: { step: [{ type: 'liveness', title: 'x', titleTranslations: '{nope' }] } },
			/Step 1 Title Translations" is not valid JSON/,
		],
	];
	it.each(cases)('refuses %s before sending anything', async (_name, parameters, message) => {
		const sb = sandbox();
		const run = await begin(parameters);
		expect(run.error?.message).toMatch(message);
		expect(run.error?.message).toMatch(/\[item 0\]/);
		expect(apiRequests(sb)).toEqual([]);
	});

	it('lets a pasted configuration use an unknown step type when allowed', async () => {
		const sb = sandbox();
		sb.identomat.setConfig({ strictStepTypes: false });
		const run = await begin({
			configurationMode: 'json',
			configurationJson: JSON.stringify({ steps: [{ type: 'geolocation', key: 'geo' }] }),
			options: { allowUnknownStepTypes: true },
		});
		expect(run.error).toBeUndefined();
		expect(apiRequests(sb)[0].body.steps).toEqual([{ type: 'geolocation', key: 'geo' }]);
	});
});

describe('Encodings and HMAC', () => {
	const config = {
		flags: { language: 'en', return_url: 'https://example.com/r' },
		steps: [{ type: 'liveness', key: 'liveness' }],
	};
	it.each([
		['json', 'application/json'],
		['form', 'application/x-www-form-urlencoded; charset=utf-8'],
		['multipart', 'multipart/form-data; boundary='],
		['query', undefined],
	])(
		'%s: company_key, flags and steps arrive, signed, and the signed response is accepted',
		async (encoding, contentType) => {
			const sb = sandbox();
			const run = await begin(
				{ configurationMode: 'json', configurationJson: JSON.stringify(config) },
				HMAC,
				{ encoding },
			);
			expect(run.error).toBeUndefined();
			const [request] = apiRequests(sb);
			expect(request.status).toBe(200);
			expect(request.body.company_key).toBe(sb.identomat.config.companies[HMAC].companyKey);
			expect(request.body.flags).toEqual(config.flags);
			expect(request.body.steps).toEqual(config.steps);
			if (contentType) expect(String(request.headers['content-type'])).toContain(contentType);
			if (encoding === 'query')
				expect(request.query.company_key).toBe(sb.identomat.config.companies[HMAC].companyKey);
			expect(request.headers.authorization).toBe('[redacted]');
			expect(sb.identomat.session(run.items[0].json.session_token).encoding).toBe(encoding);
		},
	);

	it('multipart whole-body signing matches the sandbox when both use it', async () => {
		const sb = sandbox();
		sb.identomat.setConfig({ multipartHmac: 'body' });
		expect(
			(
				await begin({ configurationMode: 'json', configurationJson: '{}' }, HMAC, {
					encoding: 'multipart',
					multipartSigning: 'body',
				})
			).error,
		).toBeUndefined();
		const wrong = await begin({ configurationMode: 'json', configurationJson: '{}' }, HMAC, {
			encoding: 'multipart',
			multipartSigning: 'parts',
		});
		expect(wrong.error?.message).toMatch(/SIGNATURE_INVALID/);
	});

	it('a wrong secret key is refused by the sandbox', async () => {
		const run = await begin({ configurationMode: 'json', configurationJson: '{}' }, HMAC, {
			secretKey: 'wrong-secret',
		});
		expect(run.error?.message).toMatch(/Identomat: .*HTTP 401.*SIGNATURE_INVALID/);
	});

	it('a tampered response is an error, not a silent pass', async () => {
		const sb = sandbox();
		const token = (await begin({ configurationMode: 'json', configurationJson: '{}' }, HMAC))
			.items[0].json.session_token as string;
		sb.identomat.completeSession(token, { outcome: 'approved' });
		expect((await op('getResult', { session: token }, HMAC)).items[0].json.result).toBe('approved');
		sb.identomat.setConfig({ tamperResponses: true });
		const run = await op('getResult', { session: token }, HMAC);
		expect(run.items).toEqual([]);
		expect(run.error?.message).toMatch(
			/response signature is not valid \(the signature does not match the body\)/,
		);
	});

	it('an unsigned response is an error when a Secret Key is set', async () => {
		// The plain company's responses carry no signature.
		const run = await begin({ configurationMode: 'json', configurationJson: '{}' }, PLAIN, {
			secretKey: 'some-secret',
		});
		expect(run.error?.message).toMatch(/the signature header is missing/);
	});

	it('COMPANY_KEY_INVALID is an error with HTTP 400 and with HTTP 200', async () => {
		const sb = sandbox();
		const bad = { companyApiKey: 'not-a-key' };
		expect(
			(await begin({ configurationMode: 'json', configurationJson: '{}' }, PLAIN, bad)).error
				?.message,
		).toMatch(/HTTP 400.*COMPANY_KEY_INVALID/);
		sb.identomat.setConfig({ invalidKeyStatus: 200 });
		const run = await begin({ configurationMode: 'json', configurationJson: '{}' }, PLAIN, bad);
		expect(run.error?.message).toBe('Identomat: COMPANY_KEY_INVALID');
		expect(run.error?.description).toMatch(/Company Key/);
	});
});

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
