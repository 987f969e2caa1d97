'use strict';
// Ondato error bodies: UNCONFIRMED (ASP.NET backend), ProblemDetails by default, {message} as an option.
const { randomHex } = require('../../core/ids');

function problem(config, res, status, title, errors) {
	if (config().errorShape === 'plain') {
		const text = errors
			? Object.entries(errors)
					.map(([k, v]) => `${k}: ${v.join(' ')}`)
					.join('; ')
			: title;
		return res.status(status).json({ message: text });
	}
	const body = {
		type: `https://tools.ietf.org/html/rfc9110#section-15.5.${status === 404 ? 5 : status === 409 ? 10 : 1}`,
		title,
		status,
		traceId: `00-${randomHex(16)}-${randomHex(8)}-00`,
	};
	if (errors) body.errors = errors;
	return res.status(status).json(body);
}
const validation = (config, res, errors) =>
	problem(config, res, 400, 'One or more validation errors occurred.', errors);
const notFound = (config, res) => problem(config, res, 404, 'Not Found');

module.exports = { problem, validation, notFound };
