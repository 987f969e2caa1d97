import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
} from 'n8n-workflow';

import {
	buildWorkflow,
	credentialTypes,
	credentialsHelperWith,
	executeWorkflow,
	packageNode,
} from './engine';

/** Requests waiting to be sent by the probe node, by credential type. */
export const pendingProbes = new Map<
	string,
	{ options: IHttpRequestOptions; data: ICredentialDataDecryptedObject }
>();

/**
 * Sends the pending credential-test request from inside a node execution, the way n8n's
 * credential tester does: through httpRequestWithAuthentication with the decrypted data,
 * from a `n8n-nodes-base.noOp` node with no parameters. n8n 2.40's tester gives that node no
 * `temp` parameter, so preAuthentication runs only when no token is stored (or one is refused):
 * a stored token (which n8n merges into the form's values) is reused.
 */
export async function runCredentialProbe(
	this: IExecuteFunctions,
	type: string,
): Promise<IDataObject> {
	const probe = pendingProbes.get(type);
	if (!probe) throw new Error(`No credential test pending for ${type}`);
	const { options, data } = probe;
	try {
		const response = await this.helpers.httpRequestWithAuthentication.call(this, type, options, {
			credentialsDecrypted: { id: type, name: type, type, data },
		});
		return { status: 'OK', response: response as IDataObject };
	} catch (error) {
		// What n8n's credential tester reads: the response of the error's cause, if any.
		const failed = error as {
			message: string;
			httpCode?: string;
			cause?: { response?: IDataObject; code?: string };
			response?: IDataObject;
		};
		const response = failed.cause?.response ?? failed.response;
		return {
			status: 'Error',
			message: failed.message,
			httpCode: failed.httpCode,
			...(response
				? {
						statusCode: response.status as number,
						statusText: (response.statusText as string) ?? '',
					}
				: {}),
			...(failed.cause?.code ? { code: failed.cause.code } : {}),
		};
	}
}

/**
 * The message n8n 2.40's credential tester shows (CredentialsTester.runRequestTest): for a
 * response error, the credential's `responseCode` rule for that status, else the status text,
 * else "Received HTTP status code: N"; for a successful answer, a matching `responseSuccessBody` rule.
 */
function testerVerdict(
	rules: ICredentialTestRequest['rules'],
	outcome: IDataObject,
): { status: 'OK' | 'Error'; message?: string } {
	if (outcome.status === 'OK') {
		for (const rule of rules ?? []) {
			if (rule.type !== 'responseSuccessBody') continue;
			const body = (outcome.response ?? {}) as IDataObject;
			if (get(body, rule.properties.key) === rule.properties.value)
				return { status: 'Error', message: rule.properties.message };
		}
		return { status: 'OK', message: 'Connection successful!' };
	}
	if (outcome.statusCode !== undefined) {
		for (const rule of rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === outcome.statusCode)
				return { status: 'Error', message: rule.properties.message };
		}
		return {
			status: 'Error',
			message: (outcome.statusText as string) || `Received HTTP status code: ${outcome.statusCode}`,
		};
	}
	return { status: 'Error', message: (outcome.code as string) ?? (outcome.message as string) };
}

function get(value: unknown, key: string): unknown {
	return key
		.split('.')
		.reduce<unknown>(
			(v, k) => (v !== null && v !== undefined ? (v as IDataObject)[k] : undefined),
			value,
		);
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	/** What the editor shows, as n8n's credential tester words it (rules, status text). */
	shown?: string;
	message?: string;
	httpCode?: string;
	preAuthenticationCalls: number;
}

/**
 * Runs a credential's `test` request against the stored data, as the "Test" button does. For a
 * saved credential n8n tests the form's values merged with the stored ones, hidden token included:
 * pass that token in `data` to test as n8n does.
 */
export async function testCredential(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const credentialType = credentialTypes.getByName(type);
	const request = credentialType.test?.request;
	if (!request) throw new Error(`${type} has no credential test`);
	const helper = credentialsHelperWith({ [type]: data });
	const node = packageNode(
		'Temp-Node',
		'n8n-nodes-base.noOp',
		{},
		{
			credentials: { [type]: { id: type, name: type } },
		},
	);
	const workflow = buildWorkflow({ nodes: [node], connections: {} });
	const stored = await helper.getDecrypted(undefined, { id: type, name: type }, type);
	const resolve = (value: unknown) => helper.resolve(value, stored, workflow, node);
	const baseURL = String(resolve(request.baseURL ?? ''));
	const options: IHttpRequestOptions = {
		method: request.method ?? 'GET',
		url: `${baseURL}${String(resolve(request.url ?? ''))}`,
		headers: Object.fromEntries(
			Object.entries(request.headers ?? {}).map(([k, v]) => [k, resolve(v)]),
		) as IDataObject,
		qs: Object.fromEntries(
			Object.entries(request.qs ?? {}).map(([k, v]) => [k, resolve(v)]),
		) as IDataObject,
		...(request.body ? { body: request.body as IDataObject, json: true } : {}),
	};
	pendingProbes.set(type, { options, data: stored });
	try {
		const result = await executeWorkflow({ workflow, credentials: helper, startNode: 'Temp-Node' });
		if (result.error) throw result.error;
		const outcome = result.output('Temp-Node')[0]?.json ?? {};
		const verdict = testerVerdict(credentialType.test?.rules, outcome);
		return {
			status: verdict.status,
			shown: verdict.message,
			message: outcome.message as string | undefined,
			httpCode: outcome.httpCode as string | undefined,
			preAuthenticationCalls: helper.preAuthenticationCalls.get(type) ?? 0,
		};
	} finally {
		pendingProbes.delete(type);
	}
}
