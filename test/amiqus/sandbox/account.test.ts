import { useSandbox } from '../helpers';

/** What the sandbox enforces for the account, team, SDK token and form template endpoints (plain HTTP). */
describe('Amiqus sandbox: account, team, SDK token, form templates', () => {
	const { sb } = useSandbox();
	async function call(method: string, path: string, body?: unknown) {
		const response = await fetch(`${sb().amiqus.baseUrl}${path}`, {
			method,
			headers: {
				Authorization: `Bearer ${sb().amiqus.config.personalTokens[0]}`,
				'Content-Type': 'application/json',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, body: text ? JSON.parse(text) : undefined };
	}

	it("refuses the undocumented page and limit on another team's members, and an unknown team", async () => {
		expect((await call('GET', '/teams/89/members')).status).toBe(200);
		expect(await call('GET', '/teams/89/members?page=1')).toEqual({
			status: 422,
			body: { page: ["Unknown query parameter 'page'."] },
		});
		expect((await call('GET', '/teams/7/members')).status).toBe(404);
	});

	it('PATCH /me: read-only and unknown properties are refused; an email change is not shown before confirmation', async () => {
		expect((await call('PATCH', '/me', { id: 1 })).status).toBe(422);
		expect((await call('PATCH', '/me', { nickname: 'Doc' })).status).toBe(422);
		expect((await call('PATCH', '/me', {})).status).toBe(422);
		const changed = await call('PATCH', '/me', { email: 'new@example.com' });
		expect(changed).toMatchObject({ status: 200, body: { email: 'sandbox.user@example.com' } });
	});

	it('PATCH /team is for owners only', async () => {
		sb().amiqus.setConfig({ userRole: 'read-only' });
		expect(await call('PATCH', '/team', { contact: 'a@example.com' })).toEqual({
			status: 403,
			body: { message: 'This action is unauthorized.' },
		});
		expect((await call('GET', '/team/me')).body).toMatchObject({ role: 'read-only' });
	});

	it('POST /sdk_token needs an existing record_id', async () => {
		expect((await call('POST', '/sdk_token', {})).status).toBe(422);
		expect((await call('POST', '/sdk_token', { record_id: 1 })).status).toBe(422);
		const record = sb().amiqus.seed.record();
		expect(await call('POST', '/sdk_token', { record_id: record.id })).toMatchObject({
			status: 201,
			body: { object: 'sdk_token' },
		});
	});

	it('form templates: the first field must be a section; at least two fields; a bad reference is refused', async () => {
		const section = { id: '1', type: 'section', label: '', fields: ['2'] };
		const text = { id: '2', type: 'text', label: 'Job title' };
		expect(await call('POST', '/form-templates', { name: 'F', fields: [text, section] })).toEqual({
			status: 422,
			body: { 'fields.0.type': ['The first field must be a section.'] },
		});
		expect((await call('POST', '/form-templates', { name: 'F', fields: [section] })).status).toBe(
			422,
		);
		expect((await call('POST', '/form-templates', { fields: [section, text] })).status).toBe(422);
		const created = await call('POST', '/form-templates', { name: 'F', fields: [section, text] });
		expect(created).toMatchObject({
			status: 201,
			body: { object: 'form_template', version: 1, is_enabled: true },
		});
		expect((await call('GET', '/form-templates/not-a-uuid')).status).toBe(422);
		expect((await call('PATCH', `/form-templates/${created.body.reference}`, {})).status).toBe(422);
		expect((await call('DELETE', `/form-templates/${created.body.reference}`)).status).toBe(204);
		expect((await call('GET', `/form-templates/${created.body.reference}`)).status).toBe(404);
	});
});
