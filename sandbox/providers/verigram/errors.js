'use strict';
// Verigram error bodies: the shape is UNCONFIRMED (errorShape): { error_code, message } or { detail }.
function createErrors(config) {
	const errorBody = (code, message) =>
		config().errorShape === 'detail' ? { detail: message } : { error_code: code, message };
	const fail = (res, status, code, message) => res.status(status).json(errorBody(code, message));
	// Injected faults (sb.faults) answer in the same shape.
	function faultResponse(res, f) {
		const code =
			f.status === 429
				? 'too_many_requests'
				: f.status === 401
					? 'unauthorized'
					: f.status >= 500
						? 'internal_error'
						: 'error';
		fail(res, f.status, code, `Injected fault ${f.status}`);
	}
	return { fail, faultResponse };
}

module.exports = { createErrors };
