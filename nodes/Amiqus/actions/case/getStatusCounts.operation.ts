import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { assigneeFilter } from '../idList';
import { caseAssignedToFilter, caseVisibilityFilter } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			caseAssignedToFilter,
			{
				displayName: 'Updated After',
				name: 'start_date',
				type: 'dateTime',
				default: '',
				description:
					'Only cases whose status changed on or after this time; without a time zone the time is read as UTC',
			},
			{
				displayName: 'Updated Before',
				name: 'end_date',
				type: 'dateTime',
				default: '',
				description:
					'Only cases whose status changed on or before this time; without a time zone the time is read as UTC',
			},
			caseVisibilityFilter,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['case'], operation: ['getStatusCounts'] } },
	properties,
);

/** A date-time from the n8n date picker (often without a zone) or an expression, as UTC ISO. */
function dateTimeOf(check: InputValidator, field: string, value: unknown): string | undefined {
	const text = value instanceof Date ? value.toISOString() : String(value ?? '').trim();
	if (!text) return undefined;
	const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
		? `${text}Z`
		: text;
	return check.dateTime(field, withZone);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const assignedTo = assigneeFilter(check, 'Assigned To', filters.assigned_to);
	if (assignedTo !== undefined) qs.assigned_to = assignedTo;
	const start = dateTimeOf(check, 'Updated After', filters.start_date);
	if (start) qs.start_date = start;
	const end = dateTimeOf(check, 'Updated Before', filters.end_date);
	if (end) qs.end_date = end;
	if (filters.visibility) qs.visibility = filters.visibility;
	const result = (await amiqusRequest(this, 'GET', '/aggregates/case-status', {
		qs,
		itemIndex,
	})) as IDataObject;
	const counts: IDataObject = {};
	for (const entry of (result.aggregates as IDataObject[] | undefined) ?? [])
		counts[String(entry.status)] = entry.count;
	return { ...result, counts };
}
