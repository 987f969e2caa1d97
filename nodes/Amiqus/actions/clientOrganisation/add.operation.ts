import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { clientLocator } from '../common.descriptions';
import { join, organisationIdsField } from './join';

const properties: INodeProperties[] = [clientLocator, organisationIdsField];

export const description = updateDisplayOptions(
	{ show: { resource: ['clientOrganisation'], operation: ['add'] } },
	properties,
);

export const execute = join('POST');
