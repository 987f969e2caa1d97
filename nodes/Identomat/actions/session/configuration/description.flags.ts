import type { INodeProperties } from 'n8n-workflow';

import { LANGUAGES } from './values';

/** The general flags of a session (the builder's Flags collection). */
export const flagsProperty: INodeProperties = {
	displayName: 'Flags',
	name: 'flags',
	type: 'collection',
	placeholder: 'Add Flag',
	default: {},
	displayOptions: { show: { configurationMode: ['builder'] } },
	options: [
		{
			displayName: 'Additional Flags (JSON)',
			name: 'additionalFlags',
			type: 'string',
			default: '',
			placeholder: 'e.g. {"skip_agreement": true}',
			description:
				'JSON object of other flags (e.g. legacy ones such as skip_agreement or document_types), merged in',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			options: [...LANGUAGES],
			default: 'en',
			description: 'Language of the widget',
		},
		{
			displayName: 'Multiple Participants',
			name: 'multiple_participants',
			type: 'boolean',
			default: false,
			description:
				'Whether video-call sessions may have several participants (listed in the developer guide only)',
		},
		{
			displayName: 'Optional Continue on Another Device',
			name: 'optional_continue_on_another_device',
			type: 'boolean',
			default: false,
			description:
				'Whether the person is offered to continue on another device (listed in the developer guide only)',
		},
		{
			displayName: 'Require HD Media',
			name: 'requireHdMedia',
			type: 'boolean',
			default: false,
			description:
				'Whether a 1080p or better camera is required for liveness and identity documents (otherwise a QR code offers another device)',
		},
		{
			displayName: 'Restrict URL Sharing',
			name: 'restrict_url_sharing',
			type: 'boolean',
			default: false,
			description: 'Whether the session link cannot be continued in another browser or device',
		},
		{
			displayName: 'Return URL',
			name: 'return_url',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/…/return',
			description:
				"Where the person's browser goes when finished. Without it, Identomat assumes the widget is embedded in an iframe. {{ $execution.resumeUrl }} works here: a Wait node (Resume: On Webhook Call) later in this workflow then resumes when the person comes back, and Get Result reads the outcome; this relies on nothing undocumented. The Identomat Trigger's Browser Return URL works only if Identomat appends the session token, which it does not document.",
		},
		{
			displayName: 'Skip Desktop',
			name: 'skip_desktop',
			type: 'boolean',
			default: false,
			description: 'Whether to limit the session to mobile devices (a desktop shows a QR code)',
		},
		{
			displayName: 'Skip Document',
			name: 'skip_document',
			type: 'boolean',
			default: false,
			description:
				'Whether to skip the default identity-document step (set it when the steps contain one)',
		},
		{
			displayName: 'Skip Face',
			name: 'skip_face',
			type: 'boolean',
			default: false,
			description: 'Whether to skip the default liveness step (set it when the steps contain one)',
		},
		{
			displayName: 'Switch Device URL',
			name: 'switch_device_url',
			type: 'string',
			default: '',
			description: 'URL shown in the QR code when the camera is unavailable; none when empty',
		},
	],
};
