import { AmiqusTrigger } from '../../../nodes/Amiqus/AmiqusTrigger.node';

import { amiqusApi, useAmiqusTrigger } from './helpers';

useAmiqusTrigger();

describe('Amiqus Trigger: description', () => {
	// The official spec the sandbox validates against.
	const spec = require('../../../sandbox/specs/amiqus-openapi.json') as {
		components: { schemas: Record<string, { enum: string[] }> };
	};
	const description = new AmiqusTrigger().description;
	const events = description.properties.find((p) => p.name === 'events')!;
	const options = (events.options ?? []) as Array<{
		name: string;
		value: string;
		description?: string;
	}>;

	it('offers exactly the subscribable events of the API, wildcards included, sorted by name', () => {
		expect(options.map((o) => o.value).sort()).toEqual(
			[...spec.components.schemas.WebhookSubscribeEvents.enum].sort(),
		);
		const names = options.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(options.every((o) => o.description && o.description.length > 10)).toBe(true);
	});

	it('is a webhook trigger with the action node credentials', () => {
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.webhooks).toEqual([
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
				path: 'webhook',
			},
		]);
		expect(description.credentials?.map((c) => c.name)).toEqual(['amiqusApi', 'amiqusOAuth2Api']);
	});
});

describe('Amiqus Trigger: Events left empty', () => {
	// n8n's own display rules (what the node panel shows), run on the trigger's properties.
	const { NodeHelpers } = require('n8n-workflow') as typeof import('n8n-workflow');
	const description = new AmiqusTrigger().description;
	const shown = (events: string[]) =>
		description.properties
			.filter((p) => NodeHelpers.displayParameter({ events, options: {} }, p, null, description))
			.map((p) => p.name);

	it('says on the panel to choose an event while none is chosen, and only then', () => {
		expect(shown([])).toContain('noEventsNotice');
		expect(shown(['record.finished'])).not.toContain('noEventsNotice');
		expect(shown(['*'])).not.toContain('noEventsNotice');
	});
});
