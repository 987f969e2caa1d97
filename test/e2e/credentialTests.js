'use strict';
// The "Test" button of every credential in a real n8n (run by test/e2e/run.js on the running
// server): POST /rest/credentials/test with a saved credential's values, as the editor sends them
// (n8n merges them with the stored ones, a stored token included). Green with the sandbox values;
// red with a wrong secret, naming the provider's reason and the field to check. n8n 1.x applies no
// responseCode rule of a credential test (its request error carries no response to match) and shows
// its own text for the status; there the check is that text and the sandbox's refusal of the wrong value.
const providers = require('./providers');

// What the editor sends for a saved secret it does not show (n8n-workflow CREDENTIAL_BLANKING_VALUE):
// n8n puts the stored value back before testing. Ondato's stored token travels this way.
const BLANK = '__n8n_BLANK_VALUE_e5362baf-c777-4d57-a609-6eaf1f9e87f6';

/** Per credential type: the provider's wrong-credential case (`wrongCredential` of providers/<p>.js). */
const WRONG = Object.fromEntries(
	[providers.AMIQUS, ...providers.PROVIDERS].map((p) => [p.CRED.type, p.wrongCredential]),
);

function createChecks({ check, assert, eq }) {
	return async function checks(sb, server) {
		const n8n1 = /^1\./.test(server.n8n.n8nVersion);
		const saved = [providers.AMIQUS.credentials(sb)[0], ...providers.credentials(sb)];
		const test = async (c, data) => {
			const r = await server.rest('POST', '/credentials/test', {
				credentials: { id: c.id, name: c.name, type: c.type, data },
			});
			eq(r.status, 200, `POST /rest/credentials/test (${r.text.slice(0, 200)})`);
			return r.json.data;
		};
		for (const c of saved) {
			const [wrong, message, message1x, [provider, refused]] = WRONG[c.type];
			await check(
				`credential test of ${c.type}: green with the sandbox values, red with a wrong ${Object.keys(wrong)[0]} naming the field`,
				async () => {
					const good = await test(c, c.data);
					eq(good.status, 'OK', `with the sandbox values: ${good.message}`);
					// Ondato: the good test stored a token; the wrong secret must still be tested (issue 19, item 3).
					const seen = sb.requests(provider).length;
					const bad = await test(c, {
						...c.data,
						...(c.type === 'ondatoApi' ? { accessToken: BLANK } : {}),
						...wrong,
					});
					eq(bad.status, 'Error', 'with a wrong value');
					assert((n8n1 ? message1x : message).test(bad.message), `message: ${bad.message}`);
					// The test reached the sandbox, which refused the wrong value.
					const answered = sb.requests(provider).slice(seen);
					assert(
						answered.some((r) => r.status === refused),
						`no ${refused} from the ${provider} sandbox: ${answered.map((r) => `${r.method} ${r.path} ${r.status}`).join(', ')}`,
					);
					for (const value of Object.values(wrong))
						assert(!bad.message.includes(value), 'the wrong value is in the message');
				},
			);
		}
	};
}

module.exports = { createChecks };
