import * as fs from 'fs';
import * as path from 'path';

const FILE = path.resolve(__dirname, '..', '..', 'bench', 'results', 'reliability.json');

/** Merges one section of figures into bench/results/reliability.json (quoted by the README). */
export function writeFigures(section: string, figures: unknown): void {
	fs.mkdirSync(path.dirname(FILE), { recursive: true });
	let all: Record<string, unknown> = {};
	try {
		all = JSON.parse(fs.readFileSync(FILE, 'utf8')) as Record<string, unknown>;
	} catch {
		all = {};
	}
	all[section] = { ...(figures as object), measuredAt: new Date().toISOString() };
	const tmp = `${FILE}.${process.pid}.tmp`;
	fs.writeFileSync(tmp, `${JSON.stringify(all, null, 2)}\n`);
	fs.renameSync(tmp, FILE);
}

/** One section of bench/results/reliability.json, or undefined when there is none yet. */
export function readFigures(section: string): unknown {
	try {
		return (JSON.parse(fs.readFileSync(FILE, 'utf8')) as Record<string, unknown>)[section];
	} catch {
		return undefined;
	}
}
