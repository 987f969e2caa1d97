/** Keys whose values never leave the node: not in outputs, errors or logs. */
const SECRET_KEY = /(authorization|token|secret|password|api[-_]?key|signature|client[-_]?secret|company[-_]?key|cookie)/i;
/** Bearer tokens and similar credentials embedded in free text. */
const SECRET_TEXT = /(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;

export function redactSecrets<T>(value: T): T {
	if (typeof value === 'string') return value.replace(SECRET_TEXT, '$1 [redacted]') as unknown as T;
	if (Array.isArray(value)) return value.map((v) => redactSecrets(v)) as unknown as T;
	if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
		const out: Record<string, unknown> = {};
		for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
			out[key] = SECRET_KEY.test(key) && typeof v !== 'object' ? '[redacted]' : redactSecrets(v);
		}
		return out as T;
	}
	return value;
}
