import type { ICredentialDataDecryptedObject, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { finiteNumber } from '../../shared/numbers';
import { rawBodyOf, safeEqual, verifyHmacSignature } from '../../shared/signature';

/**
 * Every value of Authentication the trigger knows, with the checks each one runs (all must pass).
 * Any other value (an expression, an empty string, an imported workflow) refuses every delivery.
 * A new mode is one line here.
 */
const AUTHENTICATION_CHECKS = new Map<string, ReadonlyArray<'basic' | 'hmac' | 'oAuth2'>>([
	['basicAuth', ['basic']],
	['basicAuthAndHmac', ['basic', 'hmac']],
	['hmac', ['hmac']],
	['oAuth2', ['oAuth2']],
]);

/**
 * The checks of the node's Authentication. Fail closed: only a known value runs its checks;
 * anything else (logged) gives none, and the delivery is refused.
 */
export function authenticationChecks(
	ctx: IWebhookFunctions,
): ReadonlyArray<'basic' | 'hmac' | 'oAuth2'> {
	let authentication: unknown;
	try {
		authentication = ctx.getNodeParameter('authentication', 'basicAuth');
	} catch {
		// An expression that cannot be evaluated is no known value either.
		authentication = undefined;
	}
	const checks =
		(typeof authentication === 'string' && AUTHENTICATION_CHECKS.get(authentication)) || [];
	if (checks.length === 0) {
		ctx.logger.warn(
			`Ondato Trigger refused a delivery: Authentication has an unknown value "${String(authentication).slice(0, 40)}"`,
		);
	}
	return checks;
}

export const DEFAULT_TOLERANCE_SECONDS = 90000;

/** Parses `t=<unix seconds>, s=<hex>` (the third-party description of Ondato's HMAC header). */
function parseSignatureHeader(value: string): { t?: string; s?: string } {
	const out: { t?: string; s?: string } = {};
	for (const part of value.split(',')) {
		const [key, ...rest] = part.trim().split('=');
		if (key === 't' || key === 's') out[key] = rest.join('=').trim();
	}
	return out;
}

/** Whether the delivery carries the credential's Webhook Username and Webhook Password (HTTP Basic). */
export function hasBasicAuth(
	ctx: IWebhookFunctions,
	credentials: ICredentialDataDecryptedObject,
): boolean {
	const username = String(credentials.webhookUsername ?? '');
	const password = String(credentials.webhookPassword ?? '');
	const match = /^Basic\s+(\S+)\s*$/i.exec(
		String(ctx.getRequestObject().headers.authorization ?? ''),
	);
	const decoded = match ? Buffer.from(match[1], 'base64').toString('utf8') : '';
	const colon = decoded.indexOf(':');
	const okUser = colon >= 0 && safeEqual(decoded.slice(0, colon), username);
	const okPassword = colon >= 0 && safeEqual(decoded.slice(colon + 1), password);
	return !!username && !!password && okUser && okPassword;
}

/** Whether the delivery's signature header matches its body (HMAC-SHA256 of "t.body", within the tolerance). */
export function hasValidSignature(
	ctx: IWebhookFunctions,
	credentials: ICredentialDataDecryptedObject,
	options: IDataObject,
): boolean {
	const headerName = String(options.signatureHeader || 'Ondato-Signature').toLowerCase();
	const header = ctx.getRequestObject().headers[headerName];
	const { t, s } = parseSignatureHeader(Array.isArray(header) ? header[0] : String(header ?? ''));
	const verdict = verifyHmacSignature({
		secret: String(credentials.webhookSigningSecret ?? '') || undefined,
		payload: Buffer.concat([Buffer.from(`${t ?? ''}.`, 'utf8'), rawBodyOf(ctx)]),
		received: s,
		encoding: 'hex',
		timestamp: t,
		toleranceSeconds: finiteNumber(options.toleranceSeconds, DEFAULT_TOLERANCE_SECONDS, { min: 1 }),
	});
	return verdict.valid;
}
