import { createHmac, randomBytes } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { refuseWebhook } from '../../shared/delivery';
import { safeEqual } from '../../shared/signature';

/**
 * Ondato's "oAuth2" webhook delivery mode (ondato.md §7.2: "oAuth2 – clientID, clientSecret,
 * tokenUrl"): Ondato fetches a token from your token URL with the client ID and secret, then sends
 * it as `Authorization: Bearer` with every delivery. The Ondato Trigger is that token URL (its
 * `token` webhook) and checks the token on each delivery. Tokens are self-contained
 * (`<expiry>.<nonce>.<HMAC of both keyed with the client secret>`): nothing is stored, any n8n main
 * can check them, and changing the secret revokes them all.
 */
const PURPOSE = 'ondato-webhook-token';

const clientOf = (credentials: ICredentialDataDecryptedObject) => ({
	id: String(credentials.webhookClientId ?? ''),
	secret: String(credentials.webhookClientSecret ?? ''),
});

const signatureOf = (secret: string, expiry: string, nonce: string) =>
	createHmac('sha256', secret).update(`${PURPOSE}.${expiry}.${nonce}`, 'utf8').digest('base64url');

/** Answers a client-credentials token request (form or JSON body; client in the body or HTTP Basic). */
export function answerTokenRequest(
	ctx: IWebhookFunctions,
	credentials: ICredentialDataDecryptedObject,
	lifetimeSeconds: number,
): IWebhookResponseData {
	const res = ctx.getResponseObject();
	const oauthError = (status: number, error: string): IWebhookResponseData => {
		if (status === 401) res.set('WWW-Authenticate', 'Basic realm="Ondato webhook token"');
		res.status(status).set('Cache-Control', 'no-store').json({ error });
		return { noWebhookResponse: true };
	};
	const body = (ctx.getBodyData() ?? {}) as Record<string, unknown>;
	const text = (value: unknown) => (typeof value === 'string' ? value : '');
	let clientId = text(body.client_id);
	let clientSecret = text(body.client_secret);
	const basic = /^Basic\s+(\S+)\s*$/i.exec(
		String(ctx.getRequestObject().headers.authorization ?? ''),
	);
	if (basic && !clientId) {
		// RFC 6749 §2.3.1: both parts are form-encoded before they are joined.
		const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon >= 0) {
			const formDecode = (part: string) => {
				try {
					return decodeURIComponent(part.replace(/\+/g, ' '));
				} catch {
					return '';
				}
			};
			clientId = formDecode(decoded.slice(0, colon));
			clientSecret = formDecode(decoded.slice(colon + 1));
		}
	}
	if (text(body.grant_type) !== 'client_credentials')
		return oauthError(400, 'unsupported_grant_type');
	const client = clientOf(credentials);
	const okId = safeEqual(clientId, client.id);
	const okSecret = safeEqual(clientSecret, client.secret);
	if (!client.id || !client.secret || !okId || !okSecret) return oauthError(401, 'invalid_client');
	const lifetime = Math.max(60, Math.floor(lifetimeSeconds) || 3600);
	const expiry = String(Math.floor(Date.now() / 1000) + lifetime);
	const nonce = randomBytes(16).toString('hex');
	res
		.status(200)
		.set('Cache-Control', 'no-store')
		.json({
			access_token: `${expiry}.${nonce}.${signatureOf(client.secret, expiry, nonce)}`,
			token_type: 'Bearer',
			expires_in: lifetime,
		});
	return { noWebhookResponse: true };
}

/** Whether a delivery carries a Bearer token this trigger issued, unexpired. */
export function hasValidToken(
	ctx: IWebhookFunctions,
	credentials: ICredentialDataDecryptedObject,
): boolean {
	const client = clientOf(credentials);
	const bearer = /^Bearer\s+(\S+)\s*$/i.exec(
		String(ctx.getRequestObject().headers.authorization ?? ''),
	);
	const parts = bearer ? bearer[1].split('.') : [];
	if (!client.id || !client.secret || parts.length !== 3) return false;
	const [expiry, nonce, signature] = parts;
	const valid = safeEqual(signature, signatureOf(client.secret, expiry, nonce));
	return valid && /^\d{1,12}$/.test(expiry) && Number(expiry) > Date.now() / 1000;
}

/** Refuses a delivery without a valid token (401, no execution). */
export function refuseWithoutToken(ctx: IWebhookFunctions): IWebhookResponseData {
	ctx.getResponseObject().set('WWW-Authenticate', 'Bearer error="invalid_token"');
	return refuseWebhook(ctx, 401, 'Unauthorized');
}
