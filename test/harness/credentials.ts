import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import type { PackageCredentialTypes } from './types';

/**
 * The credential store of the test harness. It mirrors what n8n's CLI CredentialsHelper does
 * (packages/cli/src/credentials-helper.ts): generic `authenticate` with expressions resolved
 * against `$credentials`, custom `authenticate` functions, `preAuthentication` for hidden
 * expirable fields (result saved back into the stored credential), OAuth2 token updates.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** Stored credential data by credential type; mutated like n8n's database would be. */
	readonly store = new Map<string, ICredentialDataDecryptedObject>();

	/** How often each credential type's preAuthentication ran. */
	readonly preAuthenticationCalls = new Map<string, number>();

	constructor(private readonly credentialTypes: PackageCredentialTypes) {
		super();
	}

	set(type: string, data: ICredentialDataDecryptedObject) {
		this.store.set(type, { ...this.defaultsOf(type), ...data });
	}

	private defaultsOf(type: string): ICredentialDataDecryptedObject {
		const defaults: ICredentialDataDecryptedObject = {};
		for (const property of this.credentialTypes.getByName(type).properties) {
			defaults[property.name] = property.default as string;
		}
		return defaults;
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes.getByName(type).properties;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const { authenticate } = credentialType;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		const resolve = (value: unknown) => this.resolve(value, credentials, workflow, node);
		for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
			const target = ((requestOptions as unknown as Record<string, Record<string, unknown>>)[
				outerKey
			] ??= {});
			for (const [key, value] of Object.entries(outerValue as Record<string, unknown>)) {
				target[String(resolve(key))] = resolve(value);
			}
		}
		return requestOptions;
	}

	/** Resolves `={{ ... }}` with n8n's own expression engine and `$credentials` in scope. */
	resolve(
		value: unknown,
		credentials: ICredentialDataDecryptedObject,
		workflow?: Workflow,
		node?: INode,
	): unknown {
		if (typeof value !== 'string' || !value.startsWith('=')) return value;
		if (!workflow || !node)
			throw new Error('Resolving a credential expression needs the workflow and node');
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return resolved === undefined || resolved === null ? '' : String(resolved);
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		const testing = node?.type === 'n8n-nodes-base.noOp' && node.parameters?.temp === '';
		if (
			credentials[expirable.name] !== '' &&
			credentials[expirable.name] !== undefined &&
			!credentialsExpired &&
			!testing
		) {
			return undefined;
		}
		this.preAuthenticationCalls.set(typeName, (this.preAuthenticationCalls.get(typeName) ?? 0) + 1);
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const stored = this.store.get(typeName) ?? {};
		this.store.set(typeName, Object.assign(stored, output));
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		return (await credentialType.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store.get(type);
		if (!data) throw new Error(`No credential of type ${type} in the test store`);
		// A copy, as n8n decrypts a fresh object each time.
		return JSON.parse(JSON.stringify(data)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('getCredentials is not used by the nodes under test');
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.set(type, { ...data });
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.store.get(type) ?? {};
		this.store.set(type, { ...stored, oauthTokenData: data.oauthTokenData });
	}
}
