'use strict';
// Amiqus error bodies (amiqus.md §4.2) and the router's error handler.
class AmiqusError extends Error {
	constructor(status, body) {
		super(typeof body === 'string' ? body : JSON.stringify(body));
		this.status = status;
		this.body = body;
	}
}
const notFound = (what = 'Not Found.') => new AmiqusError(404, { error: what });
// fields: {"dot.path": ["message", ...]}
const unprocessable = (fields) => new AmiqusError(422, { __fields: fields });
const forbidden = () => new AmiqusError(403, { message: 'This action is unauthorized.' });

function shape422(fields, errorShape) {
	if (errorShape === 'list') return { errors: Object.values(fields).flat() };
	return fields;
}

// Maps express-openapi-validator errors ({path:'/body/name/first_name', message, errorCode}) to field paths.
// oneOf/anyOf branch noise is dropped when a more specific error exists.
const NOISE = /^(oneOf|anyOf|const|if|not)\./;
function validatorErrorsToFields(errors, body) {
	let list = errors.filter((e) => !NOISE.test(e.errorCode || ''));
	if (!list.length) list = errors;
	// POST /records is oneOf(steps, template): only report the branch the caller chose.
	if (body && typeof body === 'object') {
		if ('template' in body)
			list = list.filter(
				(e) =>
					!/^\/body\/(steps|notification)/.test(e.path) &&
					!/'(steps|notification)'/.test(e.message),
			);
		else if ('steps' in body) list = list.filter((e) => !/'template'/.test(e.message));
	}
	const fields = {};
	for (const e of list) {
		const segs = String(e.path || '')
			.split('/')
			.filter(Boolean);
		if (['body', 'query', 'params', 'path', 'headers'].includes(segs[0])) segs.shift();
		const m = /required property '([^']+)'/.exec(e.message);
		if (m && segs[segs.length - 1] !== m[1]) segs.push(m[1]);
		const key = segs.join('.') || 'body';
		const text = String(e.message || 'is invalid').replace(/\.$/, '');
		const msg = m
			? `The ${key} field is required.`
			: /^(must|is) /.test(text)
				? `The ${key} ${text}.`
				: `${text}.`;
		fields[key] = fields[key] || [];
		if (!fields[key].includes(msg)) fields[key].push(msg);
	}
	return fields;
}

// Error handler for the Amiqus API router. Response-validation failures are sandbox bugs: 500 + sb.problems.
function errorHandler({ getConfig, problem }) {
	return (err, req, res, next) => {
		const send = (status, body) => {
			if (!res.headersSent) res.status(status).type('json').send(JSON.stringify(body));
		};
		if (err instanceof AmiqusError) {
			if (err.body && err.body.__fields)
				return sendJsonValidated(res, 422, shape422(err.body.__fields, getConfig().errorShape));
			return sendJsonValidated(res, err.status, err.body);
		}
		const isResponseError =
			err.status === 500 &&
			((err.path || '').startsWith('/response') ||
				(err.path || '').startsWith('.response') ||
				(err.errors || []).some((e) => String(e.path || '').startsWith('/response')) ||
				(/response/.test(err.message || '') && err.errors));
		if (isResponseError) {
			problem({
				provider: 'amiqus',
				kind: 'response-validation',
				method: req.method,
				path: req.originalUrl,
				message: err.message,
				errors: err.errors,
			});
			return send(500, {
				message: `Sandbox bug: response failed OpenAPI validation: ${err.message}`,
			});
		}
		if (err.status === 404) return send(404, { error: 'Not Found.' });
		if (err.status === 405)
			return send(405, { message: 'The method is not supported for this route.' });
		if (err.status === 413 || err.code === 'LIMIT_FILE_SIZE')
			return send(413, { message: 'The attachment is too large.' });
		if (err.status === 415) return send(415, { message: err.message });
		if (err.status === 400 && Array.isArray(err.errors)) {
			return sendJsonValidated(
				res,
				422,
				shape422(validatorErrorsToFields(err.errors, req.body), getConfig().errorShape),
			);
		}
		if (err.type === 'entity.parse.failed') return send(400, { message: 'Malformed JSON body.' });
		problem({
			provider: 'amiqus',
			kind: 'exception',
			method: req.method,
			path: req.originalUrl,
			message: err.message,
			stack: err.stack,
		});
		return send(500, { message: `Sandbox error: ${err.message}` });
	};
}

// res.json goes through the response validator when it is installed for this request.
function sendJsonValidated(res, status, body) {
	res.status(status).json(body);
}

module.exports = {
	AmiqusError,
	notFound,
	unprocessable,
	forbidden,
	errorHandler,
	validatorErrorsToFields,
	shape422,
};
