import type {
	ICredentialType,
	ICredentialTypes,
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import pkg from '../../package.json';

export const PACKAGE = pkg.name;

/** Full node type name as n8n names a community node, e.g. `n8n-nodes-identity-verification.amiqus`. */
export const typeName = (name: string) => `${PACKAGE}.${name}`;

/** The source module of a `dist/...js` entry of package.json (so tests run the TypeScript). */
function sourceOf(distPath: string): string {
	return `../../${distPath.replace(/^dist\//, '').replace(/\.js$/, '')}`;
}

function loadClasses<T>(paths: string[]): T[] {
	return paths.map((path) => {
		// Load the package's own entries, exactly as listed for n8n.
		const module = require(sourceOf(path)) as Record<string, new () => T>;
		const [Class] = Object.values(module);
		return new Class();
	});
}

/** Stand-in for n8n's Manual Trigger: starts a run with the given input items (passed through). */
class ManualTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Test stand-in',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: import('n8n-workflow').IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** Stand-in for n8n's No Operation node: passes items through. */
class NoOp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'No Operation',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'Test stand-in',
		defaults: { name: 'No Operation' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: import('n8n-workflow').IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// With a credential attached, this is the credential tester's probe node (see credentialTest.ts).
		const [credentialType] = Object.keys(this.getNode().credentials ?? {});
		if (credentialType) {
			const { runCredentialProbe } = await import('./credentialTest');
			return [[{ json: await runCredentialProbe.call(this, credentialType) }]];
		}
		return [this.getInputData()];
	}
}

export class PackageNodeTypes implements INodeTypes {
	readonly types = new Map<string, INodeType>();

	constructor() {
		for (const node of loadClasses<INodeType>(pkg.n8n.nodes)) {
			this.types.set(typeName(node.description.name), node);
		}
		this.types.set('n8n-nodes-base.manualTrigger', new ManualTrigger());
		this.types.set('n8n-nodes-base.noOp', new NoOp());
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string): INodeType {
		return this.getByName(nodeType) as INodeType;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

export class PackageCredentialTypes implements ICredentialTypes {
	readonly types = new Map<string, ICredentialType>();

	constructor() {
		for (const credential of loadClasses<ICredentialType>(pkg.n8n.credentials)) {
			this.types.set(credential.name, credential);
		}
	}

	recognizes(type: string) {
		return this.types.has(type);
	}

	getByName(type: string): ICredentialType {
		const credential = this.types.get(type);
		if (!credential) throw new Error(`Unknown credential type ${type}`);
		return credential;
	}

	getSupportedNodes(): string[] {
		return [];
	}

	getParentTypes(type: string): string[] {
		return this.types.get(type)?.extends ?? [];
	}
}
