import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { verdictOnlyProperty, verdictOutput } from '../../../shared/personalData';
import { simplifyProperty, withVerification } from '../../../shared/verdict';
import { amiqusList, amiqusRequest } from '../../transport';
import { recordVerification } from '../../verdict';
import { recordLocator } from '../common.descriptions';
import { idOf } from '../idList';

const properties: INodeProperties[] = [
	recordLocator,
	simplifyProperty,
	verdictOnlyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Client',
				name: 'expandClient',
				type: 'boolean',
				default: true,
				description: 'Whether to return the whole client object instead of its ID',
			},
			{
				displayName: 'Include Check Results',
				name: 'includeChecks',
				type: 'boolean',
				default: false,
				description:
					"Whether to also fetch the record's steps with their checks and reviews (one more request, plus one per Photo ID check for its response). The verdict of a finished record comes from them; without them it is needs_review.",
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['get'] } },
	properties,
);

/** What Simplify keeps of the record besides `verification`. */
const SIMPLE_KEYS = ['id', 'status', 'perform_url', 'created_at', 'updated_at', 'expired_at'];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const id = idOf(this, recordLocator, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = options.expandClient ? { expand: 'client' } : {};
	const record = (await amiqusRequest(this, 'GET', `/records/${id}`, {
		qs,
		itemIndex,
	})) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	const output = (raw: IDataObject, verdict: ReturnType<typeof recordVerification>) =>
		verdictOutput(
			this,
			itemIndex,
			withVerification(raw, verdict, simplify, SIMPLE_KEYS),
			SIMPLE_KEYS,
		);
	if (!options.includeChecks) return output(record, recordVerification(record));
	const steps = await amiqusList(
		this,
		`/records/${id}/steps`,
		{ expand: 'check,review' },
		{ returnAll: true, limit: 0, itemIndex },
	);
	// A Photo ID check's response (document type and issuing country) needs its own expanded read.
	const checkResponses: IDataObject = {};
	for (const step of steps) {
		const check = step.check as IDataObject | null;
		if (
			check &&
			typeof check === 'object' &&
			check.type === 'photo_id' &&
			check.response === true
		) {
			const full = (await amiqusRequest(this, 'GET', `/checks/${check.id as number}`, {
				qs: { expand: 'response' },
				itemIndex,
			})) as IDataObject;
			checkResponses[String(check.id)] = full.response;
		}
	}
	const forVerdict = steps.map((step) => {
		const check = step.check as IDataObject | null;
		const response =
			check && typeof check === 'object' ? checkResponses[String(check.id)] : undefined;
		return response === undefined
			? step
			: { ...step, check: { ...(check as IDataObject), response } };
	});
	const raw: IDataObject = { ...record, steps_detail: steps };
	if (Object.keys(checkResponses).length) raw.check_responses = checkResponses;
	return output(raw, recordVerification(record, forVerdict));
}
