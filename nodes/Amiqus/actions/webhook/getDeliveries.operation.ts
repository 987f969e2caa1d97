import { listOperation } from '../listOperation';
import { webhookIdField } from './fields';

export const { description, execute } = listOperation({
	resource: 'webhook',
	operation: 'getDeliveries',
	parents: [webhookIdField],
	path: (id) => `/webhooks/${id}/deliveries`,
});
