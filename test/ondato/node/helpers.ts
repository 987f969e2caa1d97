import type { IDataObject } from 'n8n-workflow';

import { runNode, typeName } from '../../harness/engine';

export const ONDATO = typeName('ondato');

/** Runs the Ondato node once through n8n's engine with the sandbox's credential. */
export async function runOndato(sb: any, parameters: IDataObject) {
	return await runNode({
		type: ONDATO,
		parameters,
		credentials: { ondatoApi: sb.ondato.credentials },
	});
}
