'use strict';
const crypto = require('crypto');

// Sequential integer ids per kind, so fixtures are predictable in tests.
function createIdGen(bases = {}) {
	let counters = {};
	return {
		next(kind) {
			if (counters[kind] == null) counters[kind] = bases[kind] ?? 1;
			return counters[kind]++;
		},
		reset() {
			counters = {};
		},
	};
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function randomToken(len = 20) {
	const bytes = crypto.randomBytes(len);
	let out = '';
	for (let i = 0; i < len; i++) out += ALNUM[bytes[i] % ALNUM.length];
	return out;
}
const randomHex = (bytes = 32) => crypto.randomBytes(bytes).toString('hex');
const uuid = () => crypto.randomUUID();

module.exports = { createIdGen, randomToken, randomHex, uuid };
