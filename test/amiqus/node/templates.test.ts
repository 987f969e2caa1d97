import { json, received, runAmiqus, useSandbox } from '../helpers';

describe('Amiqus node: Email Template and Document Template', () => {
	const { sb } = useSandbox();

	it("Email Template → Get Many lists the team's email templates, with the Enabled filter and Limit", async () => {
		sb().amiqus.seed.emailTemplate({ name: 'Welcome' });
		sb().amiqus.seed.emailTemplate({ name: 'Old reminder', is_enabled: false });
		sb().amiqus.seed.emailTemplate({ name: 'Reminder' });
		const enabled = await runAmiqus(sb(), {
			resource: 'emailTemplate',
			operation: 'getAll',
			returnAll: true,
			filters: { enabled: true },
		});
		expect(enabled.error).toBeUndefined();
		expect(json(enabled.items).map((t) => [t.object, t.name])).toEqual([
			['email_template', 'Welcome'],
			['email_template', 'Reminder'],
		]);
		const disabled = await runAmiqus(sb(), {
			resource: 'emailTemplate',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: { enabled: false },
		});
		expect(json(disabled.items).map((t) => t.name)).toEqual(['Old reminder']);
		const one = await runAmiqus(sb(), {
			resource: 'emailTemplate',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
		});
		expect(json(one.items).map((t) => t.name)).toEqual(['Welcome']);
		expect(received(sb()).map((r) => [r.path, r.status, r.query])).toEqual([
			['/templates/emails', 200, { enabled: 'true', page: '1', limit: '100' }],
			['/templates/emails', 200, { enabled: 'false', page: '1', limit: '5' }],
			['/templates/emails', 200, { page: '1', limit: '1' }],
		]);
	});

	it("Document Template → Get Many lists the team's document templates", async () => {
		const result = await runAmiqus(sb(), {
			resource: 'documentTemplate',
			operation: 'getAll',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(json(result.items).map((t) => [t.object, t.id, t.name])).toEqual([
			['document_template', 15478, 'Utility bill'],
			['document_template', 15479, 'Bank statement'],
		]);
		const limited = await runAmiqus(sb(), {
			resource: 'documentTemplate',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			filters: { enabled: false },
		});
		expect(json(limited.items)).toEqual([]);
		expect(received(sb()).map((r) => [r.path, r.status, r.query])).toEqual([
			['/templates/documents', 200, { page: '1', limit: '100' }],
			['/templates/documents', 200, { enabled: 'false', page: '1', limit: '1' }],
		]);
	});
});
