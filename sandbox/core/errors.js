'use strict';
// The last error handler of a provider's API router: a malformed JSON body is the client's 400;
// anything else is a sandbox bug, recorded in sb.problems and answered 500.
// fail(res, status, code, message) writes the provider's error body.
function apiErrorHandler({ provider, problem, fail }) {
	return (err, req, res, next) => {
		if (res.headersSent) return next(err);
		if (err.type === 'entity.parse.failed')
			return fail(res, 400, 'bad_request', 'Malformed JSON body');
		problem({
			provider,
			kind: 'exception',
			method: req.method,
			path: req.originalUrl,
			message: err.message,
		});
		fail(res, 500, 'internal_error', err.message);
	};
}

module.exports = { apiErrorHandler };
