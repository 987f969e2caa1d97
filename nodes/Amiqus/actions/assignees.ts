import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../shared/execute';
import { returnAllOrLimitOf } from '../../shared/pagination';
import { InputValidator } from '../../shared/validation';
import { amiqusList, amiqusRequest } from '../transport';
import { returnAllOrLimit } from './common.descriptions';
import { idList, idOf } from './idList';

/** Amiqus takes at most 100 assignees in one request. */
const MAX_ASSIGNEES = 100;

/** What the assignee operations need to know about the thing team members are assigned to. */
export interface AssigneeParent {
	/** The node's resource value, e.g. `client`. */
	resource: string;
	/** The thing, e.g. `client`; also the output key holding its ID. */
	noun: string;
	/** The thing with its article, e.g. `an organisation`. */
	withArticle: string;
	/** Its resource locator (the parameter holding its ID). */
	locator: INodeProperties;
	/** Its path in the API, e.g. `/clients`. */
	path: string;
}

export type AssigneeOperation =
	'addAssignees' | 'getAssignees' | 'removeAllAssignees' | 'removeAssignee' | 'replaceAssignees';

const ALL_OPERATIONS: AssigneeOperation[] = [
	'addAssignees',
	'getAssignees',
	'removeAllAssignees',
	'removeAssignee',
	'replaceAssignees',
];

export interface OperationModule {
	description: INodeProperties[];
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<OperationResult>;
}

const teamMemberIdsField: INodeProperties = {
	displayName: 'Team Member IDs',
	name: 'teamMemberIds',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 121, 472',
	description: 'The user IDs of the team members, separated by commas (at most 100)',
};

const assigneeIdField: INodeProperties = {
	displayName: 'Assignee ID',
	name: 'assigneeId',
	type: 'number',
	default: 0,
	required: true,
	description:
		'The ID of the assignment, as in the "ID" of Get Assignees (not the team member\'s user ID)',
};

/**
 * The assignee operations of one parent (client, organisation, record or case), built once here:
 * the operation options, their parameters and their `execute`, to spread into the parent's resource.
 * The resource lists an option as `{ ...assignees.options.getAssignees }`: n8n's lint rules read the
 * operation options as object literals.
 */
export function assigneeOperations(
	parent: AssigneeParent,
	operations: AssigneeOperation[] = ALL_OPERATIONS,
) {
	const { noun, withArticle } = parent;
	const allOptions: Record<AssigneeOperation, INodePropertyOptions> = {
		addAssignees: {
			name: 'Add Assignees',
			value: 'addAssignees',
			description: `Assign team members to ${withArticle}, keeping those already assigned`,
			action: `Add assignees to ${withArticle}`,
		},
		getAssignees: {
			name: 'Get Assignees',
			value: 'getAssignees',
			description: `List the team members assigned to ${withArticle}`,
			action: `Get assignees of ${withArticle}`,
		},
		removeAllAssignees: {
			name: 'Remove All Assignees',
			value: 'removeAllAssignees',
			description: `Unassign every team member from ${withArticle}`,
			action: `Remove all assignees from ${withArticle}`,
		},
		removeAssignee: {
			name: 'Remove Assignee',
			value: 'removeAssignee',
			description: `Unassign one team member from ${withArticle}`,
			action: `Remove an assignee from ${withArticle}`,
		},
		replaceAssignees: {
			name: 'Replace Assignees',
			value: 'replaceAssignees',
			description: `Assign exactly these team members to ${withArticle}, unassigning the others`,
			action: `Replace the assignees of ${withArticle}`,
		},
	};

	const parentIdOf = (ctx: IExecuteFunctions, itemIndex: number) =>
		idOf(ctx, parent.locator, itemIndex);

	/** Add or Replace: the body Amiqus takes, and only the newly assigned ones back (nothing when none is new). */
	const assign = (method: 'POST' | 'PUT') =>
		async function (this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
			const check = new InputValidator(this.getNode(), itemIndex);
			const id = parentIdOf(this, itemIndex);
			const ids = idList(
				check,
				'Team Member IDs',
				this.getNodeParameter('teamMemberIds', itemIndex),
				MAX_ASSIGNEES,
			);
			const body = ids.map((teamMember) => ({ type: 'team_member', team_member: teamMember }));
			const response = (await amiqusRequest(this, method, `${parent.path}/${id}/assignees`, {
				body,
				itemIndex,
			})) as IDataObject | undefined;
			return { [noun]: id, added: (response?.data as IDataObject[] | undefined) ?? [] };
		};

	const executes: Record<AssigneeOperation, OperationModule['execute']> = {
		async getAssignees(this: IExecuteFunctions, itemIndex: number) {
			const id = parentIdOf(this, itemIndex);
			const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
			return await amiqusList(
				this,
				`${parent.path}/${id}/assignees`,
				{},
				{ returnAll, limit, itemIndex },
			);
		},
		addAssignees: assign('POST'),
		replaceAssignees: assign('PUT'),
		async removeAllAssignees(this: IExecuteFunctions, itemIndex: number) {
			const id = parentIdOf(this, itemIndex);
			await amiqusRequest(this, 'DELETE', `${parent.path}/${id}/assignees`, { itemIndex });
			return { [noun]: id, removedAll: true };
		},
		async removeAssignee(this: IExecuteFunctions, itemIndex: number) {
			const check = new InputValidator(this.getNode(), itemIndex);
			const id = parentIdOf(this, itemIndex);
			const assigneeId = check.positiveInteger(
				'Assignee ID',
				this.getNodeParameter('assigneeId', itemIndex),
			);
			await amiqusRequest(this, 'DELETE', `${parent.path}/${id}/assignees/${assigneeId}`, {
				itemIndex,
			});
			return { [noun]: id, assignee: assigneeId, removed: true };
		},
	};

	const fields: Record<AssigneeOperation, INodeProperties[]> = {
		addAssignees: [teamMemberIdsField],
		getAssignees: returnAllOrLimit(),
		removeAllAssignees: [],
		removeAssignee: [assigneeIdField],
		replaceAssignees: [teamMemberIdsField],
	};

	const options = {} as Record<AssigneeOperation, INodePropertyOptions>;
	const modules = {} as Record<AssigneeOperation, OperationModule>;
	for (const operation of operations) {
		options[operation] = allOptions[operation];
		modules[operation] = {
			description: updateDisplayOptions(
				{ show: { resource: [parent.resource], operation: [operation] } },
				[parent.locator, ...fields[operation]],
			),
			execute: executes[operation],
		};
	}
	return {
		options,
		modules,
		description: Object.values(modules).flatMap((module) => module.description),
	};
}
