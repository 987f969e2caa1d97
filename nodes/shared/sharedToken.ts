import { createHash } from 'crypto';

interface Entry {
	token?: string;
	until: number;
	pending?: Promise<string>;
}

/** The newest token per client in this process (keyed by a digest: no secret is kept as a key). */
const tokens = new Map<string, Entry>();

const DEFAULT_LIFETIME_MS = 60_000;

/**
 * One token request per process and expiry for one client, however many executions run at once.
 * n8n saves a fetched token into the credential, but executions already running hold the copy they
 * loaded: after the token expires (401), each of them would fetch its own (measured in queue mode:
 * 4 executions on one worker, 2 token requests). So: a fetch in flight is shared, and a caller still
 * holding an older token than the one fetched here gets the newer one while it is valid. A caller
 * holding the newest token (refused: revoked or expired) or none (first use, credential test) fetches.
 */
export async function sharedToken(
	keyParts: string[],
	heldToken: unknown,
	fetchToken: () => Promise<{ token: string; expiresInSeconds?: number }>,
): Promise<string> {
	const key = createHash('sha256').update(keyParts.join('\n')).digest('hex');
	const entry = tokens.get(key);
	if (entry?.pending) return await entry.pending;
	const held = typeof heldToken === 'string' ? heldToken : '';
	if (entry?.token && held !== '' && held !== entry.token && Date.now() < entry.until)
		return entry.token;
	const pending = fetchToken().then(
		({ token, expiresInSeconds }) => {
			const lifetime =
				expiresInSeconds && expiresInSeconds > 0 ? expiresInSeconds * 900 : DEFAULT_LIFETIME_MS;
			tokens.set(key, { token, until: Date.now() + lifetime });
			return token;
		},
		(error: unknown) => {
			tokens.delete(key);
			throw error;
		},
	);
	tokens.set(key, { ...entry, until: entry?.until ?? 0, pending });
	return await pending;
}
