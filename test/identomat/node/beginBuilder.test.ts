import { apiRequests } from '../helpers';
import { questionnaire, useIdentomatNode } from './helpers';

const { sandbox, begin, newSession } = useIdentomatNode();

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
