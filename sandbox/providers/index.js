'use strict';
// Provider registry: each provider is one module exporting { name, apiPrefix, create(ctx) }.
module.exports = [
	require('./amiqus'),
	require('./ondato'),
	require('./verigram'),
	require('./nevis'),
	require('./identomat'),
];
