import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/** Keys whose values never leave the node: not in outputs, errors or logs. */
const SECRET_KEY =
	/(authorization|token|secret|password|api[-_]?key|signature|client[-_]?secret|company[-_]?key|cookie)/i;
/** Bearer tokens and similar credentials embedded in free text. */
const SECRET_TEXT = /(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
/** Credential fields (and OAuth2 token data) that hold secrets: tokens, keys, secrets, passwords. */
const SECRET_FIELD = /(token|secret|password|key)/i;
/** Fields that match SECRET_FIELD but hold no secret (token URLs, the token type). */
const NOT_SECRET_FIELD = /(url|token_?type)$/i;
/** Shorter values are not secrets worth the name (e.g. a token_type of "Bearer") and would redact ordinary words. */
const MIN_SECRET_LENGTH = 8;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces every known secret value, as sent or percent-encoded, wherever it appears in the text. */
function redactValues(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const secret of secrets) {
		for (const spelling of new Set([secret, encodeURIComponent(secret)])) {
			out = out.replace(new RegExp(escapeRegExp(spelling), 'g'), '[redacted]');
		}
	}
	return out;
}

/**
 * Removes secrets from a value before it goes into an error or an output: values under secret
 * keys, Bearer/Basic credentials in text, and, when given, the credential's own secret values
 * wherever they appear (a provider message that echoes the token).
 */
export function redactSecrets<T>(value: T, secrets: readonly string[] = []): T {
	if (typeof value === 'string')
		return redactValues(value.replace(SECRET_TEXT, '$1 [redacted]'), secrets) as unknown as T;
	if (Array.isArray(value)) return value.map((v) => redactSecrets(v, secrets)) as unknown as T;
	if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
		const out: Record<string, unknown> = {};
		for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
			out[key] =
				SECRET_KEY.test(key) && typeof v !== 'object' ? '[redacted]' : redactSecrets(v, secrets);
		}
		return out as T;
	}
	return value;
}

/** The secret values of a credential's data: fields named like tokens, keys, secrets and passwords, also nested (OAuth2 token data). */
export function secretValuesOf(data: ICredentialDataDecryptedObject | undefined): string[] {
	const found = new Set<string>();
	const walk = (object: unknown) => {
		if (!object || typeof object !== 'object') return;
		for (const [key, value] of Object.entries(object as Record<string, unknown>)) {
			if (value && typeof value === 'object') walk(value);
			else if (
				typeof value === 'string' &&
				value.length >= MIN_SECRET_LENGTH &&
				SECRET_FIELD.test(key) &&
				!NOT_SECRET_FIELD.test(key)
			) {
				found.add(value);
			}
		}
	};
	walk(data);
	// Longest first, so a secret that contains another is replaced whole.
	return [...found].sort((a, b) => b.length - a.length);
}

type CredentialContext =
	IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/**
 * The secret values of every credential the node uses, read only when an error is being built.
 * A credential that cannot be read adds nothing (the error is still built).
 */
export async function credentialSecrets(
	ctx: CredentialContext,
	itemIndex?: number,
): Promise<string[]> {
	const types = Object.keys(ctx.getNode().credentials ?? {});
	const secrets: string[] = [];
	for (const type of types) {
		try {
			secrets.push(
				...secretValuesOf(
					await ctx.getCredentials<ICredentialDataDecryptedObject>(type, itemIndex),
				),
			);
		} catch {
			// Not readable here (or not set): nothing of it can be in the error either.
		}
	}
	return [...new Set(secrets)].sort((a, b) => b.length - a.length);
}

/**
 * Removes secrets from an error in place before it is thrown or put into an output: its message,
 * description, messages and the provider answer it keeps.
 */
export function redactError<E extends Error>(error: E, secrets: readonly string[]): E {
	const target = error as E & {
		description?: unknown;
		messages?: unknown;
		errorResponse?: unknown;
		context?: Record<string, unknown>;
	};
	target.message = redactSecrets(target.message, secrets);
	if (typeof target.description === 'string')
		target.description = redactSecrets(target.description, secrets);
	if (Array.isArray(target.messages)) target.messages = redactSecrets(target.messages, secrets);
	if (target.errorResponse && typeof target.errorResponse === 'object')
		target.errorResponse = redactSecrets(target.errorResponse, secrets);
	if (target.context && target.context.data !== undefined)
		target.context.data = redactSecrets(target.context.data, secrets);
	return error;
}
