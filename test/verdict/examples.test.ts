import { readFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; n8n: { nodes: string[] } };
const demo = readFileSync(join(root, 'scripts', 'demo.js'), 'utf8');

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	onError?: string;
}
interface Workflow {
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const load = (file: string) => JSON.parse(readFileSync(join(root, 'examples', file), 'utf8')) as Workflow;
// Node type names of this package, from the built class names listed in package.json (e.g. dist/nodes/Amiqus/AmiqusTrigger.node.js).
const ownTypes = pkg.n8n.nodes.map((p) => {
	const base = p.split('/').pop()!.replace('.node.js', '');
	return `${pkg.name}.${base[0].toLowerCase()}${base.slice(1)}`;
});

describe.each(['verdict-route.json', 'verdict-fallback.json'])('example %s', (file) => {
	const wf = load(file);

	it('uses only this package, Switch, If, Set and Manual Trigger nodes, with the demo credentials', () => {
		for (const node of wf.nodes) {
			if (node.type.startsWith(`${pkg.name}.`)) expect(ownTypes).toContain(node.type);
			else expect(['n8n-nodes-base.switch', 'n8n-nodes-base.if', 'n8n-nodes-base.set', 'n8n-nodes-base.manualTrigger']).toContain(node.type);
			for (const credential of Object.values(node.credentials ?? {})) {
				expect(demo).toContain(`id: '${credential.id}', name: '${credential.name}'`);
			}
		}
	});

	it('connects only existing nodes', () => {
		const names = new Set(wf.nodes.map((n) => n.name));
		for (const [from, { main }] of Object.entries(wf.connections)) {
			expect(names.has(from)).toBe(true);
			for (const target of main.flat()) expect(names.has(target.node)).toBe(true);
		}
	});

	it('routes only on the shared verification fields', () => {
		for (const node of wf.nodes.filter((n) => ['n8n-nodes-base.switch', 'n8n-nodes-base.if'].includes(n.type))) {
			const expressions = JSON.stringify(node.parameters).match(/\{\{[^}]*\}\}/g) ?? [];
			expect(expressions.length).toBeGreaterThan(0);
			for (const expression of expressions) expect(expression).toMatch(/\$json\.verification\.status/);
		}
	});
});

it('the route example feeds one Switch from two providers, with verified / rejected / needs_review / other outputs', () => {
	const wf = load('verdict-route.json');
	const sw = wf.nodes.find((n) => n.type === 'n8n-nodes-base.switch')!;
	const feeders = Object.entries(wf.connections).filter(([, c]) => c.main.flat().some((t) => t.node === sw.name)).map(([name]) => name);
	expect(feeders.map((name) => wf.nodes.find((n) => n.name === name)!.type).sort()).toEqual([`${pkg.name}.amiqusTrigger`, `${pkg.name}.ondatoTrigger`]);
	const rules = (sw.parameters.rules as { values: Array<{ outputKey: string }> }).values.map((v) => v.outputKey);
	expect(rules).toEqual(['verified', 'rejected', 'needs_review']);
	expect(sw.parameters.options).toMatchObject({ fallbackOutput: 'extra', renameFallbackOutput: 'other' });
	expect(wf.connections[sw.name].main).toHaveLength(4);
});

it('the fallback example starts Identomat from the Ondato error output and from an expired or cancelled session', () => {
	const wf = load('verdict-fallback.json');
	const ondato = wf.nodes.find((n) => n.type === `${pkg.name}.ondato`)!;
	const identomat = wf.nodes.find((n) => n.type === `${pkg.name}.identomat`)!;
	expect(ondato.onError).toBe('continueErrorOutput');
	expect(wf.connections[ondato.name].main[1]).toEqual([expect.objectContaining({ node: identomat.name })]);
	const check = wf.nodes.find((n) => n.type === 'n8n-nodes-base.if')!;
	expect(JSON.stringify(check.parameters)).toContain("['expired', 'cancelled'].includes($json.verification.status)");
	expect(wf.connections[check.name].main[0]).toEqual([expect.objectContaining({ node: identomat.name })]);
});
