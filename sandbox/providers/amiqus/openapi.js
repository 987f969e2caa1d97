'use strict';
// Loads the official Amiqus OpenAPI 3.1 file and builds express-openapi-validator middleware.
// The file is never edited; the minimal fixes below are applied to the loaded object.
const fs = require('fs');
const path = require('path');
const OpenApiValidator = require('express-openapi-validator');

const SPEC_FILE = path.join(__dirname, '..', '..', 'specs', 'amiqus-openapi.json');
// Status codes Amiqus documents for every endpoint (status-codes guide) but the spec omits per operation.
const GENERIC = {
	401: { $ref: '#/components/responses/401' },
	403: { $ref: '#/components/responses/403' },
	404: { $ref: '#/components/responses/404' },
	422: { $ref: '#/components/responses/422' },
	429: {
		description: 'Too Many Requests',
		content: { 'application/json': { schema: { type: 'object' } } },
	},
	500: { $ref: '#/components/responses/500' },
};

const ANNOTATIONS = new Set([
	'$ref',
	'description',
	'summary',
	'title',
	'example',
	'examples',
	'readOnly',
	'writeOnly',
	'deprecated',
	'default',
]);
const NON_SCHEMA_PARENTS = new Set(['examples', 'example', 'x-codeSamples']);

function liftRefSiblings(node, parentKey) {
	if (Array.isArray(node)) {
		node.forEach((n) => liftRefSiblings(n, parentKey));
		return;
	}
	if (!node || typeof node !== 'object' || NON_SCHEMA_PARENTS.has(parentKey)) return;
	for (const [k, v] of Object.entries(node)) liftRefSiblings(v, k);
	if (typeof node.$ref !== 'string' || !node.$ref.includes('/schemas/')) return;
	const rules = Object.keys(node).filter((k) => !ANNOTATIONS.has(k));
	if (!rules.length) return;
	const extra = {};
	for (const k of rules) {
		extra[k] = node[k];
		delete node[k];
	}
	node.allOf = [{ $ref: node.$ref }, extra];
	delete node.$ref;
}

function allowNullInNullableEnums(node) {
	if (Array.isArray(node)) {
		node.forEach(allowNullInNullableEnums);
		return;
	}
	if (!node || typeof node !== 'object') return;
	if (
		Array.isArray(node.type) &&
		node.type.includes('null') &&
		Array.isArray(node.enum) &&
		!node.enum.includes(null)
	)
		node.enum.push(null);
	for (const [k, v] of Object.entries(node))
		if (!NON_SCHEMA_PARENTS.has(k)) allowNullInNullableEnums(v);
}

function loadSpec(basePath) {
	const spec = JSON.parse(fs.readFileSync(SPEC_FILE, 'utf8'));
	// 1. Our server prefix instead of https://id.amiqus.co/api/v2.
	spec.servers = [{ url: basePath }];
	// 2. The OAuth flow URLs are relative ("/oauth/token"); the 3.1 meta-schema requires absolute URIs.
	const flow = spec.components.securitySchemes.oauth.flows.authorizationCode;
	for (const k of ['authorizationUrl', 'tokenUrl', 'refreshUrl'])
		if (flow[k].startsWith('/')) flow[k] = `https://id.amiqus.co${flow[k]}`;
	// 3. RecordTemplate requires "description" but does not declare it with additionalProperties:false,
	//    so no template could ever validate. Declare it.
	spec.components.schemas.RecordTemplate.properties.description = { type: ['string', 'null'] };
	// 4. StepTypes allows check.watchlist and check.employment_referencing but the Check type enum lacks them.
	const checkType = spec.components.schemas['Check-2'].properties.type;
	for (const t of ['watchlist', 'employment_referencing'])
		if (!checkType.enum.includes(t)) checkType.enum.push(t);
	// 5. OpenAPI 3.1 allows keywords next to $ref (POST /clients adds required:[email,name] that way), but the
	//    validator ignores them. Rewrite {$ref, ...rules} to {allOf:[{$ref}, {...rules}]} so they are enforced.
	liftRefSiblings(spec.paths);
	liftRefSiblings(spec.components);
	// 7. ClientFile.created_by is a oneOf whose collapsed branch ({id,type}, open object) also matches an
	//    expanded TeamMember or Client, so every expanded value would match two branches. Use anyOf.
	//    The same holds for File.created_by (GET /files?expand=created_by).
	for (const schema of ['ClientFile', 'File']) {
		const createdBy = spec.components.schemas[schema].properties.created_by;
		if (createdBy.oneOf) {
			createdBy.anyOf = createdBy.oneOf;
			delete createdBy.oneOf;
		}
	}
	// 8. ClientCaseItem.entity is the same: its collapsed branch ({id,type}, open, nothing required) also matches an expanded Record.
	const entity = spec.components.schemas.ClientCaseItem.properties.entity;
	if (entity.oneOf) {
		entity.anyOf = entity.oneOf;
		delete entity.oneOf;
	}
	// 10. Some schemas are typed ["null","string"] with an enum that lacks null (Organisation.jurisdiction, Address.country):
	//     an organisation without a jurisdiction or an address without a country could never validate. Add null to such enums.
	allowNullInNullableEnums(spec.components.schemas);
	// 9. The assignee DELETEs declare a request body with no schema, yet their documented curl sends no body and
	//    no Content-Type; the validator would answer such a request 415. A body without a schema is no body.
	for (const item of Object.values(spec.paths)) {
		for (const op of Object.values(item)) {
			const content = op && op.requestBody && op.requestBody.content;
			if (content && Object.values(content).every((c) => !c.schema)) delete op.requestBody;
		}
	}
	// 6. Add the globally documented error responses where an operation does not list them.
	for (const item of Object.values(spec.paths)) {
		for (const [method, op] of Object.entries(item)) {
			if (!op || typeof op !== 'object' || !op.responses) continue;
			for (const [code, resp] of Object.entries(GENERIC))
				if (!op.responses[code]) op.responses[code] = resp;
		}
	}
	return spec;
}

// Step types as the spec enumerates them (used for a precise 422 before the oneOf/anyOf validator runs).
function stepTypes(spec) {
	const s = spec.components.schemas.StepTypes;
	return s.enum || (s.oneOf || s.anyOf || []).map((x) => x.const).filter(Boolean);
}

function createValidator({ basePath, getConfig }) {
	const spec = loadSpec(basePath);
	const cfg = getConfig();
	return OpenApiValidator.middleware({
		apiSpec: spec,
		validateRequests: {
			allowUnknownQueryParameters: cfg.allowUnknownQueryParameters,
			allErrors: true,
		},
		validateResponses: true,
		validateSecurity: false, // auth is done before validation so a 401 wins over a 422, as on the live API
		validateFormats: true,
		// "float"/"integer" are unknown to ajv; its built-in "url" rejects 127.0.0.1 (private IPs), so use the WHATWG parser.
		formats: {
			float: true,
			integer: true,
			url: (v) => {
				try {
					return Boolean(new URL(v));
				} catch {
					return false;
				}
			},
		},
		fileUploader: { limits: { fileSize: cfg.maxUploadBytes } },
	});
}

module.exports = { loadSpec, createValidator, stepTypes, SPEC_FILE };
