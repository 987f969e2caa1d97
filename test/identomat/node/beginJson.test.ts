import type { IDataObject } from 'n8n-workflow';

import { apiRequests } from '../helpers';
import { questionnaire, useIdentomatNode } from './helpers';

const { sandbox, begin } = useIdentomatNode();

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
