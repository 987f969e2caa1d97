import type { IDataObject } from 'n8n-workflow';

import { CHECK_STATUS, RECORD_STATUS, recordVerification } from '../../nodes/Amiqus/verdict';
import { byId, runAmiqus, useSandbox } from './helpers';

describe('Amiqus verdict', () => {
	const { sb } = useSandbox();

	it('maps every documented record status, and an unknown one to unknown', () => {
		const documented = ['pending', 'started', 'complete', 'incomplete', 'waiting', 'failed', 'empty', 'paused', 'amendments', 'reviewed'];
		expect(Object.keys(RECORD_STATUS).sort()).toEqual([...documented].sort());
		expect(Object.keys(CHECK_STATUS).sort()).toEqual(['accepted', 'failed', 'paused', 'pending', 'refer', 'rejected', 'submitted']);
		expect(recordVerification({ id: 1, status: 'brand_new_status' }).status).toBe('unknown');
		expect(recordVerification({ id: 1 }).status).toBe('unknown');
		expect(recordVerification({ id: 1, status: 'incomplete' }).status).toBe('expired');
	});

	it.each([
		['accepted', 'verified'],
		['rejected', 'rejected'],
		['refer', 'needs_review'],
	])('a record whose dummy check ends %s is %s, raw data untouched', async (outcome, expected) => {
		const record = sb().amiqus.seed.record({ steps: [{ type: 'check.dummy', preferences: { state: outcome } }] }) as IDataObject;
		sb().amiqus.completeRecord(record.id as number, { outcome });
		const before = await runAmiqus(sb(), { resource: 'record', operation: 'get', recordId: byId(record.id as number), options: {} });
		const withChecks = await runAmiqus(sb(), {
			resource: 'record',
			operation: 'get',
			recordId: byId(record.id as number),
			options: { includeChecks: true },
		});
		expect(before.error).toBeUndefined();
		expect(withChecks.error).toBeUndefined();
		// Without the checks a finished record is only known to need a look.
		expect((before.items[0].json.verification as IDataObject).status).toBe('needs_review');
		const verdict = withChecks.items[0].json.verification as IDataObject;
		expect(verdict).toMatchObject({ provider: 'amiqus', status: expected, providerStatus: 'complete', ids: { recordId: record.id } });
		const { verification: _v, steps_detail: _s, ...raw } = withChecks.items[0].json;
		const { verification: _w, ...rawBefore } = before.items[0].json;
		expect(raw).toEqual(rawBefore);
	});
});
