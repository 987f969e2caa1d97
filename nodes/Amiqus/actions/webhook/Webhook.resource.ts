import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteWebhook from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getDeliveries from './getDeliveries.operation';
import * as update from './update.operation';

export { create, deleteWebhook as delete, get, getAll, getDeliveries, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Subscribe a URL to Amiqus events (the Amiqus Trigger does this by itself for its own URL)',
				action: 'Create a webhook',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a webhook subscription',
				action: 'Delete a webhook',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a webhook subscription',
				action: 'Get a webhook',
			},
			{
				name: 'Get Deliveries',
				value: 'getDeliveries',
				description: 'List what Amiqus sent to a webhook and what the receiver answered',
				action: 'Get the deliveries of a webhook',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the webhook subscriptions of the team',
				action: 'Get many webhooks',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the URL or events of a webhook, or turn it back on',
				action: 'Update a webhook',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteWebhook.description,
	...getDeliveries.description,
];
