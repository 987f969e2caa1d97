import type { INodeProperties } from 'n8n-workflow';

import type { InputValidator } from '../../shared/validation';

export const sessionTokenField: INodeProperties = {
	displayName: 'Session Token',
	name: 'session',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 47fjzxvvzapi4ztasth3c2ozfucli3l0qx13hisc',
	description:
		'The session_token returned by Begin (Identomat has no list of sessions to pick from)',
};

/** A session token as seen in the docs: letters and digits (40 lowercase in examples, not enforced). */
export function sessionToken(check: InputValidator, value: unknown): string {
	const token = check.required('Session Token', value);
	if (!/^[A-Za-z0-9_-]+$/.test(token))
		check.fail('Session Token', `must contain only letters and digits, got "${token}"`);
	return token;
}
