'use strict';
// Runtime-mutable provider settings: a provider's defaults, the options given at start, then
// whatever a test changes by name (sb.<provider>.setConfig or PATCH /_control/<provider>/config).

/** Shallow merge, one level deep for plain objects (e.g. rateLimit, callbacks). */
function patchConfig(config, patch) {
	for (const [k, v] of Object.entries(patch || {})) {
		if (
			v &&
			typeof v === 'object' &&
			!Array.isArray(v) &&
			config[k] &&
			typeof config[k] === 'object' &&
			!Array.isArray(config[k])
		) {
			Object.assign(config[k], v);
		} else config[k] = v;
	}
	return config;
}

/** The settings at start and after a reset: the defaults, then the options passed to startSandbox. */
const initialConfig = (defaultConfig, options) => patchConfig(defaultConfig(), options);

/** A provider's sb.<name> object with `config` (the current settings) and `setConfig(patch)` added. */
function withConfig(api, getConfig) {
	Object.defineProperty(api, 'config', { get: getConfig, enumerable: true });
	api.setConfig = (patch) => patchConfig(getConfig(), patch);
	return api;
}

module.exports = { patchConfig, initialConfig, withConfig };
